package dev.lucidscim.camel.producer.reconcile;

import java.util.List;

/**
 * What reconcile would do: every user's line, the writes needed, and how many active users it manages (the base of
 * the deactivation percentage).
 */
record ReconcilePlan(List<ReconcileItem> items, List<PlannedWrite> writes, int managedUsers) {

    long deactivations() {
        return writes.stream().filter(write -> write.item().action() == ReconcileAction.DEACTIVATE).count();
    }
}
