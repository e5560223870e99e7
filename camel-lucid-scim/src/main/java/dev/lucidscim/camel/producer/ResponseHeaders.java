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
        setOrRemove(message, LucidScimConstants.LOCATION, response.location());
        String etag = response.etag();
        if (etag == null && resource != null && resource.meta() != null) {
            etag = resource.meta().version();
        }
        setOrRemove(message, LucidScimConstants.ETAG, etag);
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

    private static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
