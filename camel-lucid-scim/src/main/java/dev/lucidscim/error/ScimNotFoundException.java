package dev.lucidscim.error;

/** The user, group or schema does not exist (404, or 403 on {@code /Users/{id}} from older Lucid API versions). */
public class ScimNotFoundException extends ScimException {

    public ScimNotFoundException(String message, FailedRequest request, Throwable cause) {
        super(message, request, cause);
    }
}
