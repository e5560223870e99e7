package dev.lucidscim.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.error.ScimPreconditionFailedException;
import dev.lucidscim.model.ListResponse;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimResource;

/** The operations on one resource endpoint, {@code /Users} or {@code /Groups}. */
public final class ScimResourceClient<T extends ScimResource> {

    private final ScimResourceType<T> type;
    private final ScimRequestExecutor executor;
    private final List<String> patchSchemas;
    private final PatchForm patchForm;
    private final int maxListing;
    private final int pagesInFlight;
    private final WriteObserver observer;

    /**
     * @param patchSchemas the {@code schemas} of PATCH bodies in place of the form's; empty for the form's
     * @param observer     told of every write
     */
    ScimResourceClient(ScimResourceType<T> type, ScimRequestExecutor executor, PatchForm patchForm,
                       List<String> patchSchemas, int maxListing, int pagesInFlight, WriteObserver observer) {
        this.type = type;
        this.observer = observer;
        this.executor = executor;
        this.patchForm = patchForm;
        this.patchSchemas = patchSchemas.isEmpty() ? patchForm.schemas(type.coreSchema()) : patchSchemas;
        this.maxListing = maxListing;
        this.pagesInFlight = pagesInFlight;
    }

    public ScimResourceType<T> type() {
        return type;
    }

    /**
     * POST: creates the resource; Lucid answers 201 with it. Like {@link #replace}, it sends the {@code schemas} RFC
     * 7643 requires (the core schema and every extension present) whether or not the resource lists them: Lucid fills
     * them in when missing, a strict server refuses the resource.
     */
    public ScimResponse<T> create(T resource) {
        T sent = type.withRequiredSchemas(resource);
        return observed(null, "POST", sent, () -> exchange(new ScimRequest("POST", type.path(), null,
                ScimJson.toBytes(sent))));
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
        T sent = type.withRequiredSchemas(resource);
        return observed(id, "PUT", sent, () -> exchange(new ScimRequest("PUT", type.pathOf(id), null,
                ScimJson.toBytes(sent))));
    }

    /**
     * PATCH in the client's {@link PatchForm} (a request that lists its own {@code schemas} keeps them); the response
     * holds the resource when the server returns it (200), null for 204.
     */
    public ScimResponse<T> patch(String id, PatchRequest patch) {
        return patch(id, patch, null);
    }

    /**
     * The same, applied only if the resource is still at {@code version} ({@code If-Match}; null sends none): a
     * resource changed meanwhile is answered 412, {@link ScimPreconditionFailedException}, and not written.
     */
    public ScimResponse<T> patch(String id, PatchRequest patch, String version) {
        PatchRequest body = patch.schemas().equals(PatchRequest.DEFAULT_SCHEMAS) ? patch.withSchemas(patchSchemas)
                : patch;
        return observed(id, "PATCH", body, () -> exchange(new ScimRequest("PATCH", type.pathOf(id), null,
                ScimJson.toBytes(body), patchForm.contentType(), version)));
    }

    /**
     * DELETE: for users a hard delete (documents are transferred); deactivating is almost always what is meant.
     *
     * @return the HTTP status (204)
     */
    public int delete(String id) {
        return observed(id, "DELETE", null, () -> new ScimResponse<T>(
                executor.execute(new ScimRequest("DELETE", type.pathOf(id), null, null)).status(), null, null,
                null)).status();
    }

    /** Sends the write, telling the observer what it was, what was before it (as it asks) and how it ended. */
    private ScimResponse<T> observed(String id, String method, Object body, Supplier<ScimResponse<T>> send) {
        WriteRequest request = new WriteRequest(type.resourceName(), method, id,
                body == null ? null : ScimJson.toTree(body));
        ResourceBefore before = observer.before(request, () -> ScimJson.toTree(get(id).resource()));
        ScimResponse<T> response;
        try {
            response = send.get();
        } catch (ScimException e) {
            observer.written(new ScimWrite(request, before, e.getStatus(), null, null, e));
            throw e;
        }
        JsonNode answered = response.resource() == null ? null : ScimJson.toTree(response.resource());
        observer.written(new ScimWrite(request, before, response.status(), answered, response.etag(), null));
        return response;
    }

    /** One page of a query. */
    public ListResponse<T> searchPage(SearchQuery query) {
        ScimRequest request = ScimRequest.get(type.path(), query.toQueryString());
        return executor.execute(request).readBody(request, type.listResponseType());
    }

    /**
     * The one resource whose {@code attribute} equals {@code value}, or empty when there is none. One search, with
     * count 2 so that a second match shows: two mean the attribute does not tell them apart, and that is a
     * {@link ScimConflictException} of kind {@code AMBIGUOUS_MATCH} rather than a guess at which one is meant.
     */
    public Optional<T> findUnique(String attribute, String value) {
        SearchQuery twoAtMost = SearchQuery.filtered(ScimFilter.eq(attribute, value), 2);
        ScimRequest request = ScimRequest.get(type.path(), twoAtMost.toQueryString());
        ScimHttpResponse response = executor.execute(request);
        List<T> found = response.<ListResponse<T>>readBody(request, type.listResponseType()).resources();
        if (found.size() > 1) {
            // a group's displayName is its name
            String holding = attribute.equals("displayName") ? "is named" : "has " + attribute;
            throw new ScimConflictException("More than one Lucid " + type.noun() + " " + holding + " "
                                            + OneLine.quoted(value) + ": which one is meant cannot be told, so none "
                                            + "was used; match on an attribute that is unique",
                    ScimConflictException.Kind.AMBIGUOUS_MATCH, request.answered(response.status()), null);
        }
        return found.stream().findFirst();
    }

    /**
     * Every page of a query, in order, on the calling thread, while {@code pageConsumer} answers true. Once the first
     * page tells how many there are ({@code totalResults}), up to {@code pagesInFlight} of the following pages are
     * fetched at once, each through the same retries and rate limit as any request, and at most that many are held;
     * after {@code pageConsumer} answers false, at most {@code pagesInFlight - 1} more have been asked for. Advances by
     * the number of resources actually returned (servers disagree on {@code itemsPerPage}); stops on an empty page,
     * when {@code totalResults} is reached, or on a short page when the server gives no {@code totalResults}.
     * <p>
     * What came back is checked ({@code ListingReader}, {@code ListingGuard}): a page fetched ahead that is not
     * exactly the one asked for makes the rest be read page by page, and a listing that cannot be read consistently
     * page by page either (a {@code startIndex} other than the one asked for, more resources than
     * {@code totalResults}, resources repeated while the total stays, a server whose paging does not advance, more
     * than {@code maxListing}) fails with {@link ScimInvalidResponseException}. No resource is
     * handed on twice. A filtered listing that reaches {@code cap} is {@link Listing#capped}: it may miss matches.
     */
    public Listing list(SearchQuery query, FilteredResultCap cap, Predicate<ListResponse<T>> pageConsumer) {
        return new ListingReader<>(this::searchPage, type.path(), maxListing, pagesInFlight, cap, pageConsumer)
                .read(query);
    }

    /**
     * {@link #list} for a listing whose completeness the caller does not need to know, such as an unfiltered one
     * (Lucid caps only filtered queries): reconcile's.
     *
     * @return the number of page requests made
     */
    public int forEachPage(SearchQuery query, Predicate<ListResponse<T>> pageConsumer) {
        return list(query, FilteredResultCap.LUCID, pageConsumer).requests();
    }

    /** Every resource matching the query, all pages read, and whether a filtered query reached {@code cap}. */
    public SearchResults<T> searchAll(SearchQuery query, FilteredResultCap cap) {
        List<T> all = new ArrayList<>();
        Listing listing = list(query, cap, page -> {
            all.addAll(page.resources());
            return true;
        });
        return new SearchResults<>(all, listing.capped());
    }

    /**
     * Only a PATCH may be answered without the resource (204). An empty answer to a get, create or replace is broken:
     * taken for "no resource", it would make upsert create a duplicate. The resource's URL is the {@code Location}
     * header, else its {@code meta.location}: some servers give only the latter.
     */
    private ScimResponse<T> exchange(ScimRequest request) {
        ScimHttpResponse response = executor.execute(request);
        boolean mayBeEmpty = request.method().equals("PATCH");
        T resource = mayBeEmpty && !response.hasBody() ? null : response.readBody(request, type.modelType());
        String location = response.header("Location");
        if (location == null && resource != null && resource.meta() != null) {
            location = resource.meta().location();
        }
        return new ScimResponse<>(response.status(), resource, response.header("ETag"), location);
    }
}
