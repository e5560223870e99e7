package dev.lucidscim.error;

/** The token was refused (401) or may not do this (403): regenerate it under Admin &gt; App Integration &gt; SCIM. */
public class ScimAuthenticationException extends ScimException {

    public ScimAuthenticationException(String message, FailedRequest request, Throwable cause) {
        super(message, request, cause);
    }
}
