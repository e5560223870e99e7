package dev.lucidscim.error;

/** Lucid answered 424: an add-on product license needs a base license first. */
public class ScimLicenseDependencyException extends ScimException {

    public ScimLicenseDependencyException(String message, FailedRequest request, Throwable cause) {
        super(message, request, cause);
    }
}
