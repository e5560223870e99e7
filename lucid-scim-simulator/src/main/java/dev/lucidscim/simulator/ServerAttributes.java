package dev.lucidscim.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.User;

/**
 * What only the server sets on a stored resource: its id and {@code meta} are dropped from what a client sends, then
 * {@code meta} is stamped with one version counter for users and groups alike. Not thread-safe: the
 * {@link Directory}'s lock guards it.
 */
final class ServerAttributes {

    private long lastVersion;

    /** Removes id, meta and (for users) the {@code groups} that group membership decides. */
    static void strip(ResourceNode resource) {
        resource.remove("id");
        resource.remove("meta");
        if (resource instanceof User) {
            resource.remove("groups");
        }
    }

    /**
     * Sets meta: the resource type, when it was created, when it last changed and a new weak version. A resource
     * created by this write shows one instant as both, as a server's single write does: a client may read a POST's
     * answer whose {@code created} precedes its {@code lastModified} as a restored resource (an archived team).
     */
    void stamp(ResourceNode resource, String resourceType, Instant created, Instant lastModified) {
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", resourceType);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("version", "W/\"" + ++lastVersion + "\"");
    }
}
