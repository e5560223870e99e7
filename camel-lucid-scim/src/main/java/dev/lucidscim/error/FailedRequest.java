package dev.lucidscim.error;

/**
 * What is known of the request behind a failure: method and path (relative to the tenant URL, without the query,
 * never headers), and what the server answered, if it answered. {@link #NOT_SENT} marks input rejected before any
 * request.
 */
public record FailedRequest(String method, String path, int status, String scimType, String detail) {

    public static final FailedRequest NOT_SENT = new FailedRequest(null, null, 0, null, null);
    /** Reads were made, but nothing was written (a safety check stopped the writes). */
    public static final FailedRequest NOTHING_WRITTEN = new FailedRequest(null, "nothing was written", 0, null, null);

    /** A request that got no HTTP answer (I/O error, timeout). */
    public static FailedRequest unanswered(String method, String path) {
        return new FailedRequest(method, path, 0, null, null);
    }

    public boolean wasSent() {
        return method != null;
    }

    /** The bracketed suffix of exception messages, e.g. {@code [POST /Users -> HTTP 409, scimType=uniqueness]}. */
    String describe() {
        if (!wasSent()) {
            return path != null ? " [" + path + "]" : " [no request was sent]";
        }
        StringBuilder text = new StringBuilder(" [").append(method).append(' ').append(path);
        if (status > 0) {
            text.append(" -> HTTP ").append(status);
        }
        if (scimType != null && !scimType.isBlank()) {
            text.append(", scimType=").append(scimType);
        }
        if (detail != null && !detail.isBlank()) {
            text.append(", detail=").append(detail.strip());
        }
        return text.append(']').toString();
    }
}
