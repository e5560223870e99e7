package dev.lucidscim.client;

import dev.lucidscim.error.FailedRequest;

/**
 * One SCIM request before it is sent: method, encoded path relative to the tenant URL, encoded query (or null), JSON
 * body (or null), the body's media type, and the precondition {@code If-Match} (a resource version, or null).
 */
record ScimRequest(String method, String path, String query, byte[] body, String contentType, String ifMatch) {

    /** A request whose body, if any, is {@code application/scim+json}, without a precondition. */
    ScimRequest(String method, String path, String query, byte[] body) {
        this(method, path, query, body, ScimConnection.SCIM_JSON, null);
    }

    static ScimRequest get(String path, String query) {
        return new ScimRequest("GET", path, query, null);
    }

    /** This request as a failure names it, once the server answered it with {@code status}. */
    FailedRequest answered(int status) {
        return new FailedRequest(method, path, status, null, null);
    }

    /**
     * Whether sending it twice has the effect of sending it once, so that it may be retried after it may have reached
     * the server. POST creates and is never replayed blindly. PATCH is treated as idempotent: the operations the
     * component sends (replace, add and remove of given values) leave the same state when applied twice.
     */
    boolean idempotent() {
        return !method.equals("POST");
    }
}
