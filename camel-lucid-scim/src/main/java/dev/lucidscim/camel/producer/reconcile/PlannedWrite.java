package dev.lucidscim.camel.producer.reconcile;

import java.util.List;

import dev.lucidscim.error.OneLine;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimUser;

/**
 * A user write the plan needs: for a create the desired user, otherwise the PATCH operations for the user's id.
 *
 * @param item           the report line it updates once applied
 * @param current        the user as Lucid has it (null for a create)
 * @param desired        the user as the roster wants it, with the manager's id when it is known (null for a
 *                       deactivation)
 * @param operations     the PATCH operations (none for a create)
 * @param pendingManager the match key of a manager created in this run, whose id this write waits for; null when
 *                       the write does not wait
 */
record PlannedWrite(ReconcileItem item, ScimUser current, ScimUser desired, List<PatchOperation> operations,
                    String pendingManager) {

    /** The write once the manager's id is known: the operations are those of the desired user with that manager. */
    PlannedWrite withManagerId(String managerId) {
        return resolved(item, UserWrites.withManager(desired, managerId));
    }

    /** The write without the manager whose create failed: the rest of the roster's attributes still go. */
    PlannedWrite withoutManager() {
        return resolved(item.withNote("manager not set: creating " + OneLine.quoted(pendingManager)
                                      + " failed; the next run sets it"), desired);
    }

    private PlannedWrite resolved(ReconcileItem newItem, ScimUser newDesired) {
        List<PatchOperation> operations = switch (item.action()) {
            case UPDATE -> UserWrites.update(current, newDesired);
            case REACTIVATE -> UserWrites.reactivation(newDesired);
            default -> List.of();
        };
        return new PlannedWrite(newItem, current, newDesired, operations, null);
    }

    /** Whether there is still something to send: a create always, a PATCH when it has operations. */
    boolean hasRequest() {
        return item.action() == ReconcileAction.CREATE || !operations.isEmpty();
    }
}
