package dev.lucidscim.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.error.ScimException;

/**
 * A write as it ended, for a {@link WriteObserver}.
 *
 * @param request  what was sent
 * @param before   the resource before it, as far as the observer asked
 * @param status   the HTTP status of the answer; for a failure its status (0 when none came)
 * @param answered the resource the answer holds, or null (a 204, a DELETE, a failure)
 * @param etag     the answer's {@code ETag}, or null
 * @param failure  why it failed, or null when it succeeded
 */
public record ScimWrite(WriteRequest request, ResourceBefore before, int status, JsonNode answered, String etag,
                        ScimException failure) {

    public boolean failed() {
        return failure != null;
    }
}
