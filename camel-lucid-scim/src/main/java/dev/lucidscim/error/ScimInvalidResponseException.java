package dev.lucidscim.error;

/** The server answered with a body that is not the SCIM JSON expected (malformed, truncated, too large or of the wrong type). */
public class ScimInvalidResponseException extends ScimException {

    public ScimInvalidResponseException(String message, FailedRequest request, Throwable cause) {
        super(message, request, cause);
    }
}
