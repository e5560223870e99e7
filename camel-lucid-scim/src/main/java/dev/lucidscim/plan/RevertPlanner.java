package dev.lucidscim.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.audit.AuditChain;
import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.client.MemberRemoval;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimReference;

/**
 * The plan that undoes a run, from the run's ledger records alone: one write per resource the run changed, the
 * resources in the reverse order of their last write in the run, each planned against the version the run's last
 * write of it left (so that applying it skips a resource someone changed since):
 * <ul>
 * <li>a user the run created is deactivated, never deleted (their documents stay);</li>
 * <li>a user the run deactivated is reactivated, one it reactivated deactivated again;</li>
 * <li>every other attribute the run changed gets its value before the run back, and one it set where there was
 * none is removed;</li>
 * <li>the members the run added to a group are removed, the ones it removed added back; a group the run created
 * keeps existing, emptied of the members the run gave it (a group has no deactivated state, and deleting it is
 * beyond undoing a run: it would take every later member with it);</li>
 * <li>what cannot be undone is left out and said in {@link Result#notUndone}: a resource the run deleted (its id is
 * gone), and a write whose values before are not in the ledger.</li>
 * </ul>
 * Failed and skipped writes changed nothing, and passwords are never recorded: neither is in the plan.
 */
public final class RevertPlanner {

    private static final Set<String> NO_CHANGE = Set.of("failed", "skipped");

    private RevertPlanner() {
    }

    /**
     * @param plan      the inverse plan
     * @param notUndone one sentence for each write the plan cannot undo
     */
    public record Result(ChangePlan plan, List<String> notUndone) {
    }

    /**
     * @param records   the run's records, in ledger order
     * @param removal   how the tenant's dialect removes members (the plan holds exactly the operations to send)
     * @param planId    the new plan's id
     */
    public static Result plan(String runId, List<AuditRecord> records, MemberRemoval removal, String planId,
                              Instant now) {
        Map<String, List<AuditRecord>> byResource = new LinkedHashMap<>();
        List<String> notUndone = new ArrayList<>();
        for (AuditRecord record : records) {
            // a decision on a plan (approved, rejected) has no method: it wrote nothing to undo
            if (NO_CHANGE.contains(record.outcome()) || record.resourceId() == null || record.method() == null) {
                continue;
            }
            String key = record.resourceType() + "/" + record.resourceId();
            // moved to the end: the map ends in the order of each resource's last write
            List<AuditRecord> writes = byResource.remove(key);
            writes = writes == null ? new ArrayList<>() : writes;
            writes.add(record);
            byResource.put(key, writes);
        }
        List<PlannedChange> changes = new ArrayList<>();
        List<List<AuditRecord>> newestFirst = new ArrayList<>(byResource.values());
        Collections.reverse(newestFirst);
        for (List<AuditRecord> writes : newestFirst) {
            inverse(writes, removal, notUndone).ifPresent(changes::add);
        }
        String tenantHost = records.isEmpty() ? null : records.get(0).tenantHost();
        return new Result(new ChangePlan(planId, now, tenantHost, "revert", digest(records), runId, changes),
                List.copyOf(notUndone));
    }

    private static Optional<PlannedChange> inverse(List<AuditRecord> writes, MemberRemoval removal,
                                                             List<String> notUndone) {
        AuditRecord first = writes.get(0);
        AuditRecord last = writes.get(writes.size() - 1);
        String what = first.resourceType() + " " + first.resourceId() + " (" + last.name() + ")";
        if (writes.stream().anyMatch(write -> write.method().equals("DELETE"))) {
            notUndone.add(what + " was deleted by the run: a deleted resource cannot be brought back");
            return Optional.empty();
        }
        if (writes.stream().anyMatch(write -> write.detail() != null)) {
            notUndone.add(what + " was written without its values before being known: "
                          + writes.stream().map(AuditRecord::detail).filter(Objects::nonNull).findFirst().get());
            return Optional.empty();
        }
        boolean created = first.method().equals("POST");
        boolean group = first.resourceType().equals("Group");
        List<AttributeChange> restore = new ArrayList<>();
        if (created && !group) {
            restore.add(new AttributeChange("active", BooleanNode.TRUE, BooleanNode.FALSE));
        } else {
            // what the run changed, from its value before the run's first write to its value after its last
            for (AttributeChange change : net(writes).values()) {
                boolean member = change.path().startsWith("members[");
                if ((created && !member) || change.path().equals("password")
                    || Objects.equals(change.before(), change.after())) {
                    continue;
                }
                restore.add(new AttributeChange(change.path(), change.after(), change.before()));
            }
        }
        if (restore.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedChange(first.resourceType(), action(restore), first.resourceId(),
                last.name(), last.version(), restore, null, operations(restore, removal), null, null));
    }

    private static Map<String, AttributeChange> net(List<AuditRecord> writes) {
        Map<String, AttributeChange> net = new LinkedHashMap<>();
        for (AuditRecord write : writes) {
            for (AttributeChange change : write.changes()) {
                AttributeChange earlier = net.get(change.path());
                net.put(change.path(), earlier == null ? change
                        : new AttributeChange(change.path(), earlier.before(), change.after()));
            }
        }
        return net;
    }

    private static String action(List<AttributeChange> restore) {
        for (AttributeChange change : restore) {
            if (change.path().equals("active") && change.after() != null && change.after().isBoolean()) {
                return change.after().booleanValue() ? "reactivate" : "deactivate";
            }
        }
        return "update";
    }

    /** The PATCH operations that make each change: members one by one in the dialect's form. */
    static List<PatchOperation> operations(List<AttributeChange> changes, MemberRemoval removal) {
        List<PatchOperation> operations = new ArrayList<>();
        List<ScimReference> added = new ArrayList<>();
        List<ScimReference> removed = new ArrayList<>();
        for (AttributeChange change : changes) {
            if (change.path().startsWith("members[")) {
                if (change.after() != null) {
                    added.add(ScimReference.of(change.after().asText()));
                } else {
                    removed.add(ScimReference.of(change.before().asText()));
                }
            } else if (change.after() == null) {
                operations.add(PatchOperation.remove(change.path()));
            } else {
                operations.add(PatchOperation.replace(change.path(), ScimJson.convert(change.after(), Object.class)));
            }
        }
        operations.addAll(GroupMembershipPatches.memberOperations(added, removed, removal));
        return operations;
    }

    /** SHA-256, hex, of the run's records' hashes, in order: which records the plan was made from. */
    private static String digest(List<AuditRecord> records) {
        StringBuilder hashes = new StringBuilder();
        records.forEach(record -> hashes.append(record.hash()).append('\n'));
        return AuditChain.sha256Hex(hashes.toString());
    }
}
