package dev.lucidscim.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.lucidscim.model.ListResponse;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimResource;

/** The operations on one resource endpoint, {@code /Users} or {@code /Groups}. */
public final class ScimResourceClient<T extends ScimResource> {

    private final ScimResourceType<T> type;
    private final ScimRequestExecutor executor;
    private final List<String> patchSchemas;
    private final int maxListing;

    ScimResourceClient(ScimResourceType<T> type, ScimRequestExecutor executor, List<String> patchSchemas,
                       int maxListing) {
        this.type = type;
        this.executor = executor;
        this.patchSchemas = patchSchemas;
        this.maxListing = maxListing;
    }

    public ScimResourceType<T> type() {
        return type;
    }

    /** POST: creates the resource; Lucid answers 201 with it. */
    public ScimResponse<T> create(T resource) {
        return exchange(new ScimRequest("POST", type.path(), null, ScimJson.toBytes(resource)));
    }

    /** GET by id; Lucid returns deactivated users here even though listings hide them. */
    public ScimResponse<T> get(String id) {
        return get(id, null, null);
    }

    public ScimResponse<T> get(String id, String attributes, String excludedAttributes) {
        List<String> parameters = new ArrayList<>();
        SearchQuery.add(parameters, "attributes", attributes);
        SearchQuery.add(parameters, "excludedAttributes", excludedAttributes);
        return exchange(ScimRequest.get(type.pathOf(id), String.join("&", parameters)));
    }

    /** PUT: replaces the whole resource (for a group, members included). */
    public ScimResponse<T> replace(String id, T resource) {
        return exchange(new ScimRequest("PUT", type.pathOf(id), null, ScimJson.toBytes(resource)));
    }

    /** PATCH; the response holds the resource when the server returns it (200), null for 204. */
    public ScimResponse<T> patch(String id, PatchRequest patch) {
        PatchRequest body = patch.schemas().equals(PatchRequest.DEFAULT_SCHEMAS) ? patch.withSchemas(patchSchemas)
                : patch;
        return exchange(new ScimRequest("PATCH", type.pathOf(id), null, ScimJson.toBytes(body)));
    }

    /**
     * DELETE: for users a hard delete (documents are transferred); deactivating is almost always what is meant.
     *
     * @return the HTTP status (204)
     */
    public int delete(String id) {
        return executor.execute(new ScimRequest("DELETE", type.pathOf(id), null, null)).status();
    }

    /** One page of a query. */
    public ListResponse<T> searchPage(SearchQuery query) {
        ScimRequest request = ScimRequest.get(type.path(), query.toQueryString());
        return executor.execute(request).readBody(request, type.listResponseType());
    }

    /**
     * Every page of a query, in order, one request per page, while {@code pageConsumer} answers true. Advances by the
     * number of resources actually returned (servers disagree on {@code itemsPerPage}); stops on an empty page, when
     * the first page's {@code totalResults} is reached, or on a short page when the server gives no
     * {@code totalResults}. A broken or hostile server cannot make it endless ({@link ListingGuard}): a resource sent
     * twice is passed on once, and a listing that stops advancing or passes {@code maxListing} fails.
     *
     * @return the number of pages requested
     */
    public int forEachPage(SearchQuery query, Predicate<ListResponse<T>> pageConsumer) {
        ListingGuard<T> guard = new ListingGuard<>(maxListing);
        int pages = 0;
        int startIndex = query.startIndex();
        while (true) {
            ListResponse<T> page = searchPage(query.startingAt(startIndex));
            pages++;
            int returned = page.resources().size();
            ListResponse<T> fresh = guard.admit(page, type.path(), startIndex);
            if (returned > 0 && !pageConsumer.test(fresh)) {
                return pages;
            }
            startIndex += returned;
            if (returned == 0 || guard.complete(startIndex - query.startIndex())
                || page.totalResults() == null && returned < query.count()) {
                return pages;
            }
        }
    }

    /** Every resource matching the query, all pages read. */
    public List<T> searchAll(SearchQuery query) {
        List<T> all = new ArrayList<>();
        forEachPage(query, page -> {
            all.addAll(page.resources());
            return true;
        });
        return all;
    }

    /**
     * Only a PATCH may be answered without the resource (204). An empty answer to a get, create or replace is broken:
     * taken for "no resource", it would make upsert create a duplicate.
     */
    private ScimResponse<T> exchange(ScimRequest request) {
        ScimHttpResponse response = executor.execute(request);
        boolean mayBeEmpty = request.method().equals("PATCH");
        T resource = mayBeEmpty && !response.hasBody() ? null : response.readBody(request, type.modelType());
        return new ScimResponse<>(response.status(), resource, response.header("ETag"), response.header("Location"));
    }
}
