package dev.lucidscim.camel.producer;

import java.util.List;
import java.util.function.Consumer;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.ScimResponse;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ListResponse;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimResource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The operations users and groups have alike: create, get, search, replace, patch and delete. */
final class ResourceOperations<T extends ScimResource> {

    private final ScimResourceClient<T> client;
    private final ConfirmedCreate<T> creates;
    private final LucidScimConfiguration configuration;
    private final Consumer<T> completenessCheck;

    /**
     * @param completenessCheck throws {@link ScimValidationException} when a resource to create or replace lacks what
     *                          Lucid requires
     */
    ResourceOperations(ScimResourceClient<T> client, ConfirmedCreate<T> creates, LucidScimConfiguration configuration,
                       Consumer<T> completenessCheck) {
        this.client = client;
        this.creates = creates;
        this.configuration = configuration;
        this.completenessCheck = completenessCheck;
    }

    Class<T> modelClass() {
        return client.type().modelClass();
    }

    void create(Exchange exchange) {
        T resource = MessageBodies.required(exchange, modelClass(), "create");
        completenessCheck.accept(resource);
        ResponseHeaders.apply(exchange.getMessage(), creates.create(resource), LucidScimOutcome.created);
    }

    /** A create that is not sent twice when its answer is lost (see {@link ConfirmedCreate}). */
    ScimResponse<T> create(T resource) {
        return creates.create(resource);
    }

    void get(Exchange exchange) {
        String id = MessageBodies.resourceId(exchange, modelClass());
        Message message = exchange.getMessage();
        ResponseHeaders.apply(message, client.get(id, attributes(message), excludedAttributes(message)), null);
    }

    /** All pages into a {@code List}, or the one page starting at the {@code CamelLucidScimStartIndex} header. */
    void search(Exchange exchange) {
        Message message = exchange.getMessage();
        Integer startIndex = message.getHeader(LucidScimConstants.START_INDEX, Integer.class);
        Integer count = message.getHeader(LucidScimConstants.COUNT, Integer.class);
        SearchQuery query = query(message, startIndex == null ? 1 : startIndex,
                count == null ? configuration.getPageSize() : count);
        if (startIndex != null) {
            ListResponse<T> page = client.searchPage(query);
            message.setBody(page.resources());
            message.setHeader(LucidScimConstants.TOTAL_RESULTS, page.totalResults());
        } else {
            List<T> all = client.searchAll(query);
            message.setBody(all);
            message.setHeader(LucidScimConstants.TOTAL_RESULTS, all.size());
        }
    }

    void replace(Exchange exchange) {
        T resource = MessageBodies.required(exchange, modelClass(), "replace");
        String id = MessageBodies.resourceId(exchange, modelClass());
        completenessCheck.accept(resource);
        ResponseHeaders.apply(exchange.getMessage(), client.replace(id, resource), LucidScimOutcome.updated);
    }

    void patch(Exchange exchange) {
        String id = MessageBodies.headerResourceId(exchange);
        PatchRequest patch = MessageBodies.required(exchange, PatchRequest.class, "patch");
        if (patch.operations().isEmpty()) {
            throw ScimValidationException.beforeRequest("The PATCH request has no operations");
        }
        patch(exchange, id, patch, LucidScimOutcome.updated);
    }

    /** @return Lucid's answer, whose resource is null on a 204 */
    ScimResponse<T> patch(Exchange exchange, String id, PatchRequest patch, LucidScimOutcome outcome) {
        return patched(exchange, id, client.patch(id, patch), outcome);
    }

    /** The answer to a PATCH of the resource with this id, on the message; returned as it came. */
    static <R extends ScimResource> ScimResponse<R> patched(Exchange exchange, String id, ScimResponse<R> response,
                                                             LucidScimOutcome outcome) {
        ResponseHeaders.apply(exchange.getMessage(), response, outcome);
        // A 204 answer has no body: the id is still worth a header.
        exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, id);
        return response;
    }

    void delete(Exchange exchange) {
        String id = MessageBodies.resourceId(exchange, modelClass());
        int status = client.delete(id);
        ResponseHeaders.apply(exchange.getMessage(), new ScimResponse<>(status, null, null, null),
                LucidScimOutcome.deleted);
        exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, id);
    }

    private SearchQuery query(Message message, int startIndex, int count) {
        String filter = message.getHeader(LucidScimConstants.FILTER, configuration.getFilter(), String.class);
        try {
            return new SearchQuery(filter, attributes(message), excludedAttributes(message), startIndex, count);
        } catch (IllegalArgumentException e) {
            throw ScimValidationException.beforeRequest(e.getMessage());
        }
    }

    private String attributes(Message message) {
        return message.getHeader(LucidScimConstants.ATTRIBUTES, configuration.getAttributes(), String.class);
    }

    private String excludedAttributes(Message message) {
        return message.getHeader(LucidScimConstants.EXCLUDED_ATTRIBUTES, configuration.getExcludedAttributes(),
                String.class);
    }
}
