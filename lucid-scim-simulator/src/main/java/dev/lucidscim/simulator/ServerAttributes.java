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

    /** Sets meta: the resource type, when it was created, now as its last change, and a new weak version. */
    void stamp(ResourceNode resource, String resourceType, Instant created) {
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", resourceType);
        meta.put("created", created.toString());
        meta.put("lastModified", Instant.now().toString());
        meta.put("version", "W/\"" + ++lastVersion + "\"");
    }
}
