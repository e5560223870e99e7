package dev.lucidscim.error;

/** Lucid failed (5xx) and retries, where allowed, did not help. */
public class ScimServerException extends ScimException {

    public ScimServerException(String message, FailedRequest request, Throwable cause) {
        super(message, request, cause);
    }
}
