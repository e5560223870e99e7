package dev.lucidscim.examples.queue;

/** An event that can never be provisioned as it is: not JSON, an unknown type, no or a malformed e-mail address. */
public class InvalidEventException extends RuntimeException {

    private final String event;

    /**
     * @param event  the event as far as it could be read, for the summary
     * @param reason every problem found
     */
    public InvalidEventException(String event, String reason) {
        super(reason);
        this.event = event;
    }

    public String event() {
        return event;
    }
}
