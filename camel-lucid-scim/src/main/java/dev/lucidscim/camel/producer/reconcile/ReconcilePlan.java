package dev.lucidscim.camel.producer.reconcile;

import java.util.List;

/**
 * What reconcile would do: every user's line and the user writes needed, how many active users it manages (the
 * base of the deactivation percentage), the roster's groups, and how many memberships those groups have now (the
 * base of the removal percentage).
 */
record ReconcilePlan(List<ReconcileItem> items, List<PlannedWrite> writes, int managedUsers,
                     List<PlannedGroup> groups, int membershipsBefore) {

    ReconcilePlan withGroups(List<PlannedGroup> newGroups, int newMembershipsBefore) {
        return new ReconcilePlan(items, writes, managedUsers, newGroups, newMembershipsBefore);
    }
}
