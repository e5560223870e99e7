package dev.lucidscim.simulator;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.server.interceptor.Interceptor;

/**
 * What the SCIM handler needs of the {@link Directory} for one resource type: the directory's own operations, each
 * atomic under its lock.
 *
 * @param create        POST: the resource checked and stored, returned as stored
 * @param byId          the resource, or null when there is none
 * @param page          the resources a listing shows, in order, one page of them with the total
 * @param where         listed resources whose indexed attribute equals the value, or null when the attribute has no
 *                      index
 * @param all           every listed resource, for filters on attributes without an index
 * @param replace       PUT, and PATCH after the library applied it
 * @param delete        DELETE
 * @param readThenWrite holds the directory for a library operation that reads a resource and then writes it
 */
record ResourceStore<T extends ResourceNode>(UnaryOperator<T> create, Function<String, T> byId, Paging<T> page,
                                             BiFunction<String, String, List<T>> where, Supplier<List<T>> all,
                                             UnaryOperator<T> replace, Consumer<String> delete,
                                             Interceptor readThenWrite) {

    /** One page of a listing, from a 1-based start index. */
    interface Paging<T> {
        Page<T> page(long startIndex, int count);
    }

    /** One page of a listing: the resources and the total they were taken from. */
    record Page<T>(List<T> resources, int totalResults) {
    }
}
