package dev.lucidscim.error;

/** Any other 4xx answer the component has no more specific type for (403 outside {@code /Users/{id}}, 405, 413, ...). */
public class ScimRequestRejectedException extends ScimException {

    public ScimRequestRejectedException(String message, FailedRequest request, Throwable cause) {
        super(message, request, cause);
    }
}
