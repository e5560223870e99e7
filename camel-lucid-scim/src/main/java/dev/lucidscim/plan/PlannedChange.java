package dev.lucidscim.plan;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.model.PatchOperation;

/**
 * One write of a {@link ChangePlan}.
 *
 * @param resourceType {@code User} or {@code Group}
 * @param action       {@code create}, {@code update}, {@code reactivate}, {@code deactivate} (users) or
 *                     {@code create}, {@code update} (groups)
 * @param id           the Lucid id written (null for a create)
 * @param name         the userName or displayName
 * @param version      the resource's version ({@code ETag} / {@code meta.version}) when it was planned; null for a
 *                     create, or when the tenant gave none
 * @param changes      the attributes it changes, before and after: what a reviewer reads
 * @param resource     for a create, the resource to POST, else null
 * @param operations   for any other write, exactly the PATCH operations to send (members by Lucid id), else empty
 * @param pendingManager the userName of a user this plan creates earlier, whose id becomes this user's manager
 *                     once known; null when the write waits for nobody
 * @param pendingMembers for a group write, the userNames of users this plan creates, added once their ids are known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlannedChange(String resourceType, String action, String id, String name, String version,
                            List<AttributeChange> changes, JsonNode resource, List<PatchOperation> operations,
                            String pendingManager, List<String> pendingMembers) {

    public PlannedChange {
        changes = changes == null ? List.of() : List.copyOf(changes);
        operations = operations == null ? List.of() : List.copyOf(operations);
        pendingMembers = pendingMembers == null ? List.of() : List.copyOf(pendingMembers);
    }
}
