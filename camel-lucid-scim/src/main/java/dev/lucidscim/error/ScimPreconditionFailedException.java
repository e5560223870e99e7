package dev.lucidscim.error;

/**
 * 412: the write carried {@code If-Match} with the version it was planned against, and the resource has changed
 * since; nothing was written. Never retried: only a new plan, from the current state, can tell what to write.
 */
public class ScimPreconditionFailedException extends ScimException {

    public ScimPreconditionFailedException(String message, FailedRequest request, Throwable cause) {
        super(message, request, cause);
    }
}
