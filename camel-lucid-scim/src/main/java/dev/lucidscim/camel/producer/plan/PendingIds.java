package dev.lucidscim.camel.producer.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.model.AttributePath;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.plan.PlannedChange;

/**
 * The ids of the users a plan creates, by userName (case ignored, as Lucid compares them), as their creates end; and
 * the writes that wait for them made whole: a manager set by id, or left out when its create failed; a group's new
 * members added by id.
 */
final class PendingIds {

    private static final String MANAGER = ScimSchemas.ENTERPRISE_USER + ":manager";

    private final Map<String, String> createdIds = new ConcurrentHashMap<>();

    void created(String userName, String id) {
        createdIds.put(key(userName), id);
    }

    String idOf(String userName) {
        return createdIds.get(key(userName));
    }

    /** The user write with its manager's id, or without a manager (null id: its create failed). */
    static PlannedChange withManager(PlannedChange change, String managerId) {
        JsonNode manager = managerId == null ? null
                : JsonNodeFactory.instance.objectNode().put("value", managerId);
        if (change.action().equals("create")) {
            ObjectNode resource = change.resource().deepCopy();
            if (manager == null) {
                AttributePath.of(MANAGER).removeFrom(resource);
            } else {
                AttributePath.of(MANAGER).copyTo(resource, manager);
            }
            return with(change, resource, change.operations());
        }
        List<PatchOperation> operations = new ArrayList<>();
        change.operations().stream().filter(operation -> !isManager(operation)).forEach(operations::add);
        if (manager != null) {
            operations.add(PatchOperation.replace(MANAGER, manager));
        }
        return with(change, change.resource(), operations);
    }

    /** The group write with the ids of its new members created; those whose create failed are left out. */
    PlannedChange withMembers(PlannedChange change, boolean withoutRemovals) {
        List<String> ids = change.pendingMembers().stream().map(this::idOf).filter(Objects::nonNull).toList();
        if (change.action().equals("create")) {
            ObjectNode resource = change.resource().deepCopy();
            ids.forEach(id -> resource.withArray("members").add(ScimJson.toTree(ScimReference.of(id))));
            return with(change, resource, change.operations());
        }
        List<PatchOperation> operations = new ArrayList<>();
        change.operations().stream().filter(operation -> !withoutRemovals
                                                         || operation.op() != PatchOperation.Op.REMOVE)
                .forEach(operations::add);
        if (!ids.isEmpty()) {
            operations.add(PatchOperation.add("members", ids.stream().map(ScimReference::of).toList()));
        }
        return with(change, change.resource(), operations);
    }

    private static boolean isManager(PatchOperation operation) {
        return operation.path() != null && AttributePath.of(operation.path()).isWithin(AttributePath.of(MANAGER));
    }

    private static PlannedChange with(PlannedChange change, JsonNode resource, List<PatchOperation> operations) {
        return new PlannedChange(change.resourceType(), change.action(), change.id(), change.name(), change.version(),
                change.changes(), resource, operations, null, List.of());
    }

    private static String key(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }
}
