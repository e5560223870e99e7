package dev.lucidscim.camel.producer.reconcile;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What reconcile would do: every user's line and the user writes needed, how many active users it manages (the
 * base of the deactivation percentage), the roster's groups, and how many memberships those groups have now (the
 * base of the removal percentage).
 */
record ReconcilePlan(List<ReconcileItem> items, List<PlannedWrite> writes, int managedUsers,
                     List<PlannedGroup> groups, int membershipsBefore) {

    long deactivations() {
        return writes.stream().filter(write -> write.item().action() == ReconcileAction.DEACTIVATE).count();
    }

    /**
     * Members removed from the roster's groups who keep their account: the removals of people deactivated by this
     * plan follow from their deactivation, which the deactivation threshold already holds.
     */
    long memberRemovals() {
        Set<String> deactivated = writes.stream().filter(write -> write.item().action() == ReconcileAction.DEACTIVATE)
                .map(write -> write.item().id()).collect(Collectors.toSet());
        return groups.stream().flatMap(group -> group.removeIds().stream()).filter(id -> !deactivated.contains(id))
                .count();
    }

    ReconcilePlan withGroups(List<PlannedGroup> newGroups, int newMembershipsBefore) {
        return new ReconcilePlan(items, writes, managedUsers, newGroups, newMembershipsBefore);
    }
}
