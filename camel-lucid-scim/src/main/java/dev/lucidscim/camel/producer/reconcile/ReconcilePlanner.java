package dev.lucidscim.camel.producer.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimUser;

/**
 * Compares the roster with Lucid, without a request: roster users absent from Lucid are created, present ones are
 * updated with exactly the attributes that differ (or left alone), remembered deactivated ones are reactivated, and
 * managed active users missing from the roster are deactivated (never deleted). Users outside the managed set are
 * left alone. Managers are set by id: known ids go into the same write; a manager created in this run makes the write
 * wait for that create (so that nobody needs a second request), except in a cycle of new people managing each other,
 * which cannot be ordered and is reported.
 */
final class ReconcilePlanner {

    /** Stands for a manager's id until the manager is created, so that the plan shows the manager as changed. */
    static final String CREATED_IN_THIS_RUN = "(created in this run)";

    private final LucidScimMatchAttribute matchAttribute;
    private final Predicate<ScimUser> managed;

    ReconcilePlanner(LucidScimMatchAttribute matchAttribute, Predicate<ScimUser> managed) {
        this.matchAttribute = matchAttribute;
        this.managed = managed;
    }

    /**
     * @param listed      Lucid's active users by match key
     * @param deactivated deactivated users' ids by match key: those remembered, and those listed with
     *                    {@code active=false} (a standard server lists them, Lucid does not)
     */
    ReconcilePlan plan(ReconcileRoster roster, Map<String, ScimUser> listed, Map<String, String> deactivated) {
        Map<String, String> managers = managerKeys(roster.managers());
        Set<String> creates = new HashSet<>();
        for (ScimUser desired : roster.users()) {
            String key = RosterKeys.of(desired, matchAttribute);
            if (!listed.containsKey(key) && !deactivated.containsKey(key) && !Boolean.FALSE.equals(desired.active())) {
                creates.add(key);
            }
        }
        Set<String> inCycle = managerCycles(managers, creates);
        List<ReconcileItem> items = new ArrayList<>();
        List<PlannedWrite> writes = new ArrayList<>();
        Set<String> inRoster = new HashSet<>();
        for (ScimUser desired : roster.users()) {
            String key = RosterKeys.of(desired, matchAttribute);
            inRoster.add(key);
            ScimUser current = listed.get(key);
            boolean wanted = !Boolean.FALSE.equals(desired.active());
            if (current != null && !wanted) {
                add(items, writes, deactivation(key, current));
            } else if (!wanted) {
                items.add(item(ReconcileAction.UNCHANGED, key, desired, deactivated.get(key), List.of()));
            } else {
                add(items, writes, withManager(key, current, desired, deactivated.get(key), managers.get(key),
                        creates, inCycle, listed, deactivated));
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
                add(items, writes, deactivation(entry.getKey(), current));
            } else {
                items.add(item(ReconcileAction.UNMANAGED, entry.getKey(), current, current.id(), List.of()));
            }
        }
        return new ReconcilePlan(items, writes, managedUsers, List.of(), 0);
    }

    /** A create, update or reactivation, with the manager's id when it is known and a wait when it is created now. */
    private PlannedWrite withManager(String key, ScimUser current, ScimUser desired, String deactivatedId,
                                     String managerKey, Set<String> creates, Set<String> inCycle,
                                     Map<String, ScimUser> listed, Map<String, String> deactivated) {
        String note = null;
        String pending = null;
        ScimUser planned = desired;
        if (managerKey != null) {
            ScimUser manager = listed.get(managerKey);
            String managerId = manager != null ? manager.id() : deactivated.get(managerKey);
            if (inCycle.contains(key)) {
                note = "manager not set: the new people " + OneLine.quoted(key) + " and " + OneLine.quoted(managerKey)
                       + " manage each other (directly or not), so neither can be created first; fix the HR data";
            } else if (creates.contains(managerKey)) {
                pending = managerKey;
                planned = UserWrites.withManager(desired, CREATED_IN_THIS_RUN);
            } else if (managerId != null) {
                desired = UserWrites.withManager(desired, managerId);
                planned = desired;
            } else {
                note = "manager " + OneLine.quoted(managerKey) + " is neither in Lucid nor in the roster: the manager "
                       + "was left as it is";
            }
        }
        ReconcileAction action;
        List<PatchOperation> operations;
        ScimUser target;
        if (current != null) {
            operations = UserWrites.update(current, planned);
            action = operations.isEmpty() ? ReconcileAction.UNCHANGED : ReconcileAction.UPDATE;
            target = current;
        } else if (deactivatedId != null) {
            operations = UserWrites.reactivation(planned);
            action = ReconcileAction.REACTIVATE;
            target = desired.toBuilder().id(deactivatedId).build();
        } else {
            operations = List.of();
            action = ReconcileAction.CREATE;
            target = null;
        }
        ReconcileItem item = item(action, key, current != null ? current : desired,
                current != null ? current.id() : deactivatedId, operations);
        // a pending write's operations hold the placeholder: the executor resolves them before anything is sent
        return new PlannedWrite(note == null ? item : item.withNote(note), target, desired, operations, pending);
    }

    private static PlannedWrite deactivation(String key, ScimUser current) {
        return new PlannedWrite(item(ReconcileAction.DEACTIVATE, key, current, current.id(), List.of()), current,
                null, List.of(UserWrites.DEACTIVATE), null);
    }

    /** Manager keys normalized, people given as their own manager left without one. */
    private Map<String, String> managerKeys(Map<String, String> managers) {
        Map<String, String> keys = new HashMap<>();
        managers.forEach((person, manager) -> {
            String personKey = RosterKeys.ofValue(person, matchAttribute);
            String managerKey = RosterKeys.ofValue(manager, matchAttribute);
            if (personKey != null && managerKey != null && !personKey.equals(managerKey)) {
                keys.put(personKey, managerKey);
            }
        });
        return keys;
    }

    /** The people to create whose chain of new managers comes back to them: no create order can serve them. */
    private static Set<String> managerCycles(Map<String, String> managers, Set<String> creates) {
        Set<String> inCycle = new HashSet<>();
        for (String start : creates) {
            Set<String> path = new LinkedHashSet<>();
            String person = start;
            while (person != null && creates.contains(person) && path.add(person)) {
                person = managers.get(person);
            }
            if (person != null && person.equals(start)) {
                inCycle.addAll(path);
            }
        }
        return inCycle;
    }

    private static void add(List<ReconcileItem> items, List<PlannedWrite> writes, PlannedWrite write) {
        items.add(write.item());
        if (write.item().action() != ReconcileAction.UNCHANGED) {
            writes.add(write);
        }
    }

    private static ReconcileItem item(ReconcileAction action, String key, ScimUser user, String id,
                                      List<PatchOperation> operations) {
        boolean write = action != ReconcileAction.UNCHANGED && action != ReconcileAction.UNMANAGED;
        return new ReconcileItem(key, user.userName(), id, action,
                action == ReconcileAction.DEACTIVATE ? List.of() : operations.stream().map(PatchOperation::path)
                        .toList(), write ? ReconcileItem.Result.PLANNED : ReconcileItem.Result.NOTHING, null, null,
                null);
    }
}
