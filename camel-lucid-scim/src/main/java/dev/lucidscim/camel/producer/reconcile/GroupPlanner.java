package dev.lucidscim.camel.producer.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.SubGroups;

/**
 * Compares the roster's groups with Lucid's, without a request: a group absent from Lucid is created with its
 * members, a present one gets exactly the users to add and to remove, or nothing. A roster group lists people, so a
 * member that is a group ({@link SubGroups}: a sub-group, managed in Lucid's admin panel) is kept, never removed.
 * Groups on the exclude list are never touched. When someone of a group failed in this run (their account may be in the group under a key the
 * roster could not match), its members are only added. The same rules run twice: when planning (people to create
 * are counted as added, their ids unknown) and when applying, after the people's writes, with every id known.
 */
final class GroupPlanner {

    private final LucidScimMatchAttribute matchAttribute;
    private final Set<String> excluded;

    GroupPlanner(LucidScimMatchAttribute matchAttribute, Set<String> excluded) {
        this.matchAttribute = matchAttribute;
        this.excluded = excluded;
    }

    /**
     * @param listed     Lucid's groups by displayName, with their members
     * @param idOfKey    a person's Lucid id by match key, or null when unknown (to be created, or failed)
     * @param failedKeys the people whose write failed in this run
     * @param nameOfId   Lucid users' userNames by id, for the report
     */
    List<PlannedGroup> plan(List<RosterGroup> groups, Map<String, ScimGroup> listed, Function<String, String> idOfKey,
                            Set<String> failedKeys, Map<String, String> nameOfId) {
        List<PlannedGroup> planned = new ArrayList<>();
        for (RosterGroup group : groups) {
            ScimGroup current = listed.get(group.displayName());
            String id = current == null ? null : current.id();
            if (excluded.contains(group.displayName())) {
                planned.add(new PlannedGroup(new GroupReconcileItem(group.displayName(), id, GroupAction.EXCLUDED,
                        null, null, false, ReconcileItem.Result.NOTHING, null), List.of(), List.of()));
                continue;
            }
            planned.add(planOne(group, current, idOfKey, failedKeys, nameOfId));
        }
        return planned;
    }

    private PlannedGroup planOne(RosterGroup group, ScimGroup current, Function<String, String> idOfKey,
                                 Set<String> failedKeys, Map<String, String> nameOfId) {
        Set<String> have = new LinkedHashSet<>();
        if (current != null) {
            userMembers(current).stream().map(ScimReference::value).forEach(have::add);
        }
        Set<String> want = new LinkedHashSet<>();
        List<String> addedKeys = new ArrayList<>();
        List<String> addIds = new ArrayList<>();
        boolean addOnly = false;
        for (String member : new LinkedHashSet<>(group.members())) {
            String key = RosterKeys.ofValue(member, matchAttribute);
            addOnly |= failedKeys.contains(key);
            String id = idOfKey.apply(key);
            if (id == null) {
                if (!failedKeys.contains(key)) {
                    addedKeys.add(key); // created in this run: its id comes when applied
                }
                continue;
            }
            want.add(id);
            if (!have.contains(id)) {
                addedKeys.add(key);
                addIds.add(id);
            }
        }
        List<String> removeIds = addOnly ? List.of() : have.stream().filter(id -> !want.contains(id)).toList();
        GroupAction action = current == null ? GroupAction.CREATE
                : addedKeys.isEmpty() && removeIds.isEmpty() ? GroupAction.UNCHANGED : GroupAction.UPDATE;
        boolean write = action != GroupAction.UNCHANGED;
        GroupReconcileItem item = new GroupReconcileItem(group.displayName(), current == null ? null : current.id(),
                action, addedKeys, removeIds.stream().map(id -> nameOfId.getOrDefault(id, id)).toList(), addOnly,
                write ? ReconcileItem.Result.PLANNED : ReconcileItem.Result.NOTHING, null);
        return new PlannedGroup(item, addIds, removeIds);
    }

    /**
     * How many user memberships the planned groups have in Lucid now: the base of the removal percentage (sub-groups
     * are never removed, so they are not counted).
     */
    int membershipsBefore(List<RosterGroup> groups, Map<String, ScimGroup> listed) {
        return groups.stream().filter(group -> !excluded.contains(group.displayName()))
                .map(group -> listed.get(group.displayName()))
                .filter(group -> group != null).mapToInt(group -> userMembers(group).size()).sum();
    }

    /** The group's members that are not groups: the only ones a roster group decides. */
    private static List<ScimReference> userMembers(ScimGroup group) {
        return group.members() == null ? List.of()
                : group.members().stream().filter(member -> !SubGroups.isGroup(member)).toList();
    }
}
