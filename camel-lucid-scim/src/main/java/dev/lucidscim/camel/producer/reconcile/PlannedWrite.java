package dev.lucidscim.camel.producer.reconcile;

import java.util.List;

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
}
