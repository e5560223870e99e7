package dev.lucidscim.camel.producer;

import java.util.List;
import java.util.function.Consumer;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.client.FilteredResultCap;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.ScimResponse;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.client.SearchResults;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ListResponse;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimResource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operations users and groups have alike: create, get, search, replace, patch and delete. */
final class ResourceOperations<T extends ScimResource> {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceOperations.class);

    private final ScimResourceClient<T> client;
    private final ConfirmedCreate<T> creates;
    private final LucidScimConfiguration configuration;
    private final FilteredResultCap resultCap;
    private final Consumer<T> completenessCheck;

    /**
     * @param completenessCheck throws {@link ScimValidationException} when a resource to create or replace lacks what
     *                          Lucid requires
     */
    ResourceOperations(ScimResourceClient<T> client, ConfirmedCreate<T> creates, LucidScimConfiguration configuration,
                       FilteredResultCap resultCap, Consumer<T> completenessCheck) {
        this.client = client;
        this.creates = creates;
        this.configuration = configuration;
        this.resultCap = resultCap;
        this.completenessCheck = completenessCheck;
    }

    Class<T> modelClass() {
        return client.type().modelClass();
    }

    void create(Exchange exchange) {
        T resource = MessageInput.body(exchange, modelClass(), LucidScimOperation.CREATE);
        completenessCheck.accept(resource);
        MessageOutput.response(exchange.getMessage(), creates.create(resource), LucidScimOutcome.CREATED);
    }

    /** A create that is not sent twice when its answer is lost (see {@link ConfirmedCreate}). */
    ScimResponse<T> create(T resource) {
        return creates.create(resource);
    }

    void get(Exchange exchange) {
        String id = MessageInput.idFromHeaderOrBody(exchange, modelClass(), LucidScimOperation.GET);
        Message message = exchange.getMessage();
        MessageOutput.response(message, client.get(id, MessageInput.attributes(message, configuration),
                MessageInput.excludedAttributes(message, configuration)), null);
    }

    /**
     * All pages into a {@code List}, or the one page starting at the {@code CamelLucidScimStartIndex} header. A
     * filtered search that reaches Lucid's cap says so ({@code CamelLucidScimResultsCapped}) and is logged at WARN:
     * its results may miss matches.
     */
    void search(Exchange exchange) {
        Message message = exchange.getMessage();
        SearchQuery query = MessageInput.searchQuery(message, configuration);
        boolean capped;
        if (MessageInput.asksForOnePage(message)) {
            ListResponse<T> page = client.searchPage(query);
            capped = resultCap.reached(query, page.totalResults(), page.resources().size());
            MessageOutput.searchResults(message, page.resources(), page.totalResults(), capped);
        } else {
            SearchResults<T> all = client.searchAll(query, resultCap);
            capped = all.capped();
            MessageOutput.searchResults(message, all.resources(), all.resources().size(), capped);
        }
        if (capped) {
            LOG.warn("Search of {} not complete: {}", client.type().path(), resultCap.describe(query));
        }
    }

    void replace(Exchange exchange) {
        T resource = MessageInput.body(exchange, modelClass(), LucidScimOperation.REPLACE);
        String id = MessageInput.idFromHeaderOrBody(exchange, modelClass(), LucidScimOperation.REPLACE);
        completenessCheck.accept(resource);
        MessageOutput.response(exchange.getMessage(), client.replace(id, resource), LucidScimOutcome.UPDATED);
    }

    void patch(Exchange exchange) {
        String id = MessageInput.idFromHeader(exchange.getMessage());
        PatchRequest patch = MessageInput.body(exchange, PatchRequest.class, LucidScimOperation.PATCH);
        if (patch.operations().isEmpty()) {
            throw ScimValidationException.beforeRequest("The PATCH request has no operations");
        }
        patch(exchange, id, patch, LucidScimOutcome.UPDATED);
    }

    /** @return Lucid's answer, whose resource is null on a 204 */
    ScimResponse<T> patch(Exchange exchange, String id, PatchRequest patch, LucidScimOutcome outcome) {
        return MessageOutput.patched(exchange.getMessage(), id, client.patch(id, patch), outcome);
    }

    void delete(Exchange exchange) {
        delete(exchange, LucidScimOutcome.DELETED);
    }

    /** @param outcome what Lucid does on DELETE: {@code deleted}, or {@code archived} for a team */
    void delete(Exchange exchange, LucidScimOutcome outcome) {
        String id = MessageInput.idFromHeaderOrBody(exchange, modelClass(), LucidScimOperation.DELETE);
        MessageOutput.deleted(exchange.getMessage(), id, client.delete(id), outcome);
    }
}
