package dev.lucidscim.camel.producer.reconcile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.producer.AttributeDiff;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimUser;

/**
 * Compares the roster with Lucid, without a request: roster users absent from Lucid are created, present ones are
 * updated with exactly the attributes that differ (or left alone), remembered deactivated ones are reactivated, and
 * managed active users missing from the roster are deactivated (never deleted). Users outside the managed set are
 * left alone.
 */
final class ReconcilePlanner {

    private static final PatchOperation DEACTIVATE = PatchOperation.replace("active", false);

    private final LucidScimMatchAttribute matchAttribute;
    private final Predicate<ScimUser> managed;

    ReconcilePlanner(LucidScimMatchAttribute matchAttribute, Predicate<ScimUser> managed) {
        this.matchAttribute = matchAttribute;
        this.managed = managed;
    }

    /**
     * @param listed      Lucid's active users by match key
     * @param deactivated remembered deactivated users' ids by match key
     */
    ReconcilePlan plan(List<ScimUser> roster, Map<String, ScimUser> listed, Map<String, String> deactivated) {
        List<ReconcileItem> items = new ArrayList<>();
        List<PlannedWrite> writes = new ArrayList<>();
        Set<String> inRoster = new HashSet<>();
        for (ScimUser desired : roster) {
            String key = RosterKeys.of(desired, matchAttribute);
            inRoster.add(key);
            ScimUser current = listed.get(key);
            boolean wanted = !Boolean.FALSE.equals(desired.active());
            if (current != null && !wanted) {
                add(items, writes, ReconcileAction.DEACTIVATE, key, current, List.of(DEACTIVATE));
            } else if (current != null) {
                List<PatchOperation> changes = AttributeDiff.between(current, desired);
                add(items, writes, changes.isEmpty() ? ReconcileAction.UNCHANGED : ReconcileAction.UPDATE, key,
                        current, changes);
            } else if (!wanted) {
                items.add(item(ReconcileAction.UNCHANGED, key, desired, deactivated.get(key), List.of()));
            } else if (deactivated.containsKey(key)) {
                // Nothing is known of the account but its id: every attribute of the roster is written.
                List<PatchOperation> everything = new ArrayList<>(AttributeDiff.between(ScimUser.builder().build(),
                        desired.toBuilder().active(true).build()));
                add(items, writes, ReconcileAction.REACTIVATE, key, desired.toBuilder().id(deactivated.get(key))
                        .build(), everything);
            } else {
                add(items, writes, ReconcileAction.CREATE, key, desired, List.of());
            }
        }
        int managedUsers = 0;
        for (Map.Entry<String, ScimUser> entry : listed.entrySet()) {
            ScimUser current = entry.getValue();
            boolean isManaged = managed.test(current);
            managedUsers += isManaged ? 1 : 0;
            if (inRoster.contains(entry.getKey())) {
                continue;
            }
            if (isManaged) {
                add(items, writes, ReconcileAction.DEACTIVATE, entry.getKey(), current, List.of(DEACTIVATE));
            } else {
                items.add(item(ReconcileAction.UNMANAGED, entry.getKey(), current, current.id(), List.of()));
            }
        }
        return new ReconcilePlan(items, writes, managedUsers);
    }

    private void add(List<ReconcileItem> items, List<PlannedWrite> writes, ReconcileAction action, String key,
                     ScimUser user, List<PatchOperation> operations) {
        ReconcileItem item = item(action, key, user, user.id(), operations);
        items.add(item);
        if (action != ReconcileAction.UNCHANGED) {
            writes.add(new PlannedWrite(item, user, operations));
        }
    }

    private static ReconcileItem item(ReconcileAction action, String key, ScimUser user, String id,
                                      List<PatchOperation> operations) {
        boolean write = action != ReconcileAction.UNCHANGED && action != ReconcileAction.UNMANAGED;
        return new ReconcileItem(key, user.userName(), id, action,
                action == ReconcileAction.DEACTIVATE ? List.of() : operations.stream().map(PatchOperation::path)
                        .toList(), write ? ReconcileItem.Result.PLANNED : ReconcileItem.Result.NOTHING, null);
    }
}
