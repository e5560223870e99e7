package dev.lucidscim.camel.producer.reconcile;

import java.util.List;

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

    long memberRemovals() {
        return groups.stream().mapToLong(group -> group.removeIds().size()).sum();
    }

    ReconcilePlan withGroups(List<PlannedGroup> newGroups, int newMembershipsBefore) {
        return new ReconcilePlan(items, writes, managedUsers, newGroups, newMembershipsBefore);
    }
}
