package dev.lucidscim.examples.springboot.changecontrol;

/** An approve, reject or revert the component refused or failed: the page shows the message to the approver. */
public class ChangeControlFailure extends RuntimeException {

    public ChangeControlFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
