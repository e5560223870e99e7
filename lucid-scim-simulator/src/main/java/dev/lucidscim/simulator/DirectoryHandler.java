package dev.lucidscim.simulator;

import java.util.List;
import java.util.Set;

import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.endpoints.features.EndpointType;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.interceptor.Interceptor;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;

/**
 * Connects the SCIM library (parsing, PATCH, attribute selection, error bodies) to the {@link Directory} (Lucid's
 * rules). The library finds the resource class through the subclass's type argument, hence the two subclasses.
 */
abstract class DirectoryHandler<T extends ResourceNode> extends ResourceHandler<T> {

    /** The library reads the resource, checks If-Match (and applies the PATCH), then writes: one write for us. */
    private static final Set<EndpointType> READ_THEN_WRITE = Set.of(EndpointType.UPDATE, EndpointType.PATCH,
            EndpointType.DELETE);

    private final ResourceStore<T> store;
    private final int filteredResultCap;

    DirectoryHandler(ResourceStore<T> store, int filteredResultCap) {
        this.store = store;
        this.filteredResultCap = filteredResultCap;
    }

    @Override
    public Interceptor getInterceptor(EndpointType endpointType) {
        return READ_THEN_WRITE.contains(endpointType) ? store.readThenWrite() : super.getInterceptor(endpointType);
    }

    @Override
    public T createResource(T resource, Context context) {
        return store.create().apply(resource);
    }

    @Override
    public T getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
                         Context context) {
        return store.byId().apply(id);
    }

    @Override
    public PartialListResponse<T> listResources(long startIndex, int count, FilterNode filter, SchemaAttribute sortBy,
                                                SortOrder sortOrder, List<SchemaAttribute> attributes,
                                                List<SchemaAttribute> excludedAttributes, Context context) {
        AttributeExpressionLeaf eq = LucidFilter.requireSingleEq(filter);
        if (eq == null) {
            ResourceStore.Page<T> page = store.page().page(startIndex, count);
            return PartialListResponse.<T> builder().resources(page.resources()).totalResults(page.totalResults())
                    .build();
        }
        LucidRequestContext lucid = context instanceof LucidRequestContext ours ? ours : null;
        StringEq stringEq = lucid != null ? lucid.stringEq() : null;
        if (lucid != null && !LucidFilter.isOptimised(eq)) {
            lucid.slowFilter(eq.getFullName());
        }
        List<T> found = LucidFilter.matching(eq, stringEq, filter, store.where(), store.all(), getServiceProvider());
        // Lucid: "a filtered query returns at most 10,000 users"; what its totalResults says past that is unknown.
        List<T> matches = found.subList(0, Math.min(found.size(), filteredResultCap));
        int from = (int) Math.min(startIndex - 1, matches.size());
        int to = Math.min(from + count, matches.size());
        return PartialListResponse.<T> builder().resources(matches.subList(from, to)).totalResults(matches.size())
                .build();
    }

    @Override
    public T updateResource(T resource, Context context) {
        return store.replace().apply(resource);
    }

    @Override
    public void deleteResource(String id, Context context) {
        store.delete().accept(id);
    }

    static final class Users extends DirectoryHandler<User> {
        Users(ResourceStore<User> store, int filteredResultCap) {
            super(store, filteredResultCap);
        }
    }

    static final class Groups extends DirectoryHandler<Group> {
        Groups(ResourceStore<Group> store, int filteredResultCap) {
            super(store, filteredResultCap);
        }
    }
}
