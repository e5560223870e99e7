package dev.lucidscim.camel.producer;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.client.ScimResponse;
import dev.lucidscim.model.ScimResource;
import org.apache.camel.Message;

/** Writes an operation's result to the message: the typed body and the headers of design.md. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    static void apply(Message message, ScimResponse<? extends ScimResource> response, LucidScimOutcome outcome) {
        ScimResource resource = response.resource();
        message.setBody(resource);
        message.setHeader(LucidScimConstants.STATUS_CODE, response.status());
        setOrRemove(message, LucidScimConstants.LOCATION, withoutControlCharacters(response.location()));
        String etag = response.etag();
        if (etag == null && resource != null && resource.meta() != null) {
            etag = resource.meta().version();
        }
        setOrRemove(message, LucidScimConstants.ETAG, withoutControlCharacters(etag));
        if (resource != null && resource.id() != null) {
            message.setHeader(LucidScimConstants.RESOURCE_ID, resource.id());
        }
        setOrRemove(message, LucidScimConstants.OUTCOME, outcome == null ? null : outcome.name());
    }

    /** For results without a response of their own (unchanged upserts): body and outcome only. */
    static void unchanged(Message message, ScimResource resource) {
        message.setBody(resource);
        message.removeHeaders("CamelLucidScim(StatusCode|Location|ETag)");
        if (resource != null && resource.id() != null) {
            message.setHeader(LucidScimConstants.RESOURCE_ID, resource.id());
        }
        message.setHeader(LucidScimConstants.OUTCOME, LucidScimOutcome.unchanged.name());
    }

    /**
     * A value from the server for a header of the exchange, or null when it holds a control character or a line
     * separator: routes copy these headers into HTTP answers, files and logs, where such a character could split a
     * line. No valid ETag (RFC 9110) or URL holds one, so nothing of value is lost.
     */
    private static String withoutControlCharacters(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return null;
            }
        }
        return value;
    }

    private static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
