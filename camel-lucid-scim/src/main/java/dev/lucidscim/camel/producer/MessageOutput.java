package dev.lucidscim.camel.producer;

import java.util.List;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.client.ScimResponse;
import dev.lucidscim.model.ScimResource;
import org.apache.camel.Message;

/**
 * Writes an operation's result to the message: the typed body, and the headers of the component's documentation
 * (status code, Location, ETag, resource id, outcome, changed attributes, total results).
 */
final class MessageOutput {

    private MessageOutput() {
    }

    /** Lucid's answer: its resource as the body; status, Location, ETag, id and outcome (when not null) as headers. */
    static void response(Message message, ScimResponse<? extends ScimResource> response, LucidScimOutcome outcome) {
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
        setOrRemove(message, LucidScimConstants.OUTCOME, outcome == null ? null : outcome.toString());
    }

    /**
     * The answer to a PATCH of the resource with this id, returned as it came. A 204 answer has no body: the id is
     * still worth a header.
     */
    static <R extends ScimResource> ScimResponse<R> patched(Message message, String id, ScimResponse<R> response,
                                                             LucidScimOutcome outcome) {
        response(message, response, outcome);
        message.setHeader(LucidScimConstants.RESOURCE_ID, id);
        return response;
    }

    /** A DELETE's answer: no body; its status, the id and the outcome ({@code deleted}, or a team's {@code archived}). */
    static void deleted(Message message, String id, int status, LucidScimOutcome outcome) {
        response(message, new ScimResponse<>(status, null, null, null), outcome);
        message.setHeader(LucidScimConstants.RESOURCE_ID, id);
    }

    /** For results without a response of their own (unchanged upserts): body and outcome only. */
    static void unchanged(Message message, ScimResource resource) {
        message.setBody(resource);
        message.removeHeader(LucidScimConstants.STATUS_CODE);
        message.removeHeader(LucidScimConstants.LOCATION);
        message.removeHeader(LucidScimConstants.ETAG);
        if (resource != null && resource.id() != null) {
            message.setHeader(LucidScimConstants.RESOURCE_ID, resource.id());
        }
        message.setHeader(LucidScimConstants.OUTCOME, LucidScimOutcome.UNCHANGED.toString());
    }

    /**
     * What a search found, as the body, and the number of results the server counts.
     *
     * @param totalResults null when the server's page gave none: the header is then left out, not made up
     */
    static void searchResults(Message message, List<? extends ScimResource> resources, Integer totalResults,
                              boolean capped) {
        message.setBody(resources);
        if (totalResults != null) {
            message.setHeader(LucidScimConstants.TOTAL_RESULTS, totalResults);
        } else {
            message.removeHeader(LucidScimConstants.TOTAL_RESULTS);
        }
        message.setHeader(LucidScimConstants.RESULTS_CAPPED, capped);
    }

    /** The attribute paths an upsert changed (empty when it created the resource or changed nothing). */
    static void changedAttributes(Message message, List<String> paths) {
        message.setHeader(LucidScimConstants.CHANGED_ATTRIBUTES, paths);
    }

    /** The attribute paths an upsert did not change because the tenant does not keep them (empty when none). */
    static void ignoredAttributes(Message message, List<String> paths) {
        message.setHeader(LucidScimConstants.IGNORED_ATTRIBUTES, List.copyOf(paths));
    }

    /** Replaces the outcome a response set. */
    static void outcome(Message message, LucidScimOutcome outcome) {
        message.setHeader(LucidScimConstants.OUTCOME, outcome.toString());
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
