package dev.lucidscim.simulator;

import java.util.List;

import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;

/** What the SCIM handlers need of the directory for one resource type. */
interface ResourceStore<T extends ResourceNode> {

    T create(T resource);

    /** The resource, or null when there is none. */
    T byId(String id);

    /** The resources a listing shows, in order, one page of them with the total. */
    Directory.Page<T> page(long startIndex, int count);

    /** Listed resources whose indexed attribute equals the value, or null when the attribute has no index. */
    List<T> where(String attribute, String value);

    /** Every listed resource, for filters on attributes without an index. */
    List<T> all();

    T replace(T resource);

    void delete(String id);
}
