package dev.lucidscim.client;

import java.io.IOException;
import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JavaType;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.model.ScimJson;

/**
 * A response as received: status, headers and the whole body (bounded in size by the connection), with the
 * {@link ServerText} gate that anything quoted from it passes before it reaches a message.
 */
record ScimHttpResponse(int status, HttpHeaders headers, byte[] body, ServerText serverText) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    boolean hasBody() {
        return body != null && body.length > 0;
    }

    /**
     * Reads the body as {@code type}; a missing, malformed, truncated or wrongly typed body throws
     * {@link ScimInvalidResponseException}.
     */
    <T> T readBody(ScimRequest request, JavaType type) {
        try {
            T value = hasBody() ? ScimJson.read(body, type) : null;
            if (value == null) {
                throw new IOException("no JSON document");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            // Jackson's message quotes the body it could not read: the server's words, so through the gate
            String reason = serverText.clean(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            throw new ScimInvalidResponseException("Lucid answered with a body that is not a valid SCIM "
                                                   + type.getRawClass().getSimpleName() + " (" + reason + ")",
                    request.answered(status), serverText.redacted(e));
        }
    }
}
