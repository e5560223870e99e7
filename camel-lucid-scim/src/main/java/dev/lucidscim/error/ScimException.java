package dev.lucidscim.error;

/**
 * Base of every failure of the Lucid SCIM client and component. The subtype says what happened; the message says
 * what to do, followed by what is known of the request ({@link FailedRequest}): method, path, HTTP status, SCIM
 * {@code scimType} and {@code detail}. Headers are never part of it, so the bearer token never is; what the server
 * said is masked, cut and put on one line before it gets here, and the message as a whole is one line.
 */
public abstract class ScimException extends RuntimeException {

    private final transient FailedRequest request;

    protected ScimException(String message, FailedRequest request, Throwable cause) {
        // One line: a message reaches log lines, and outside text in it must not be able to forge one.
        super(OneLine.of(message + request.describe(), Integer.MAX_VALUE), cause);
        this.request = request;
    }

    public FailedRequest getRequest() {
        return request;
    }

    /** The HTTP status, or 0 when no response was received or no request was sent. */
    public int getStatus() {
        return request.status();
    }

    /** The SCIM error type ({@code uniqueness}, {@code invalidFilter}, ...), or null. */
    public String getScimType() {
        return request.scimType();
    }

    /** The server's human-readable detail, or null. */
    public String getDetail() {
        return request.detail();
    }
}
