package dev.lucidscim.camel.producer.reconcile;

import java.util.List;

import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimUser;

/**
 * A write the plan needs: for a create the desired user, otherwise the PATCH operations for the user's id.
 *
 * @param item the report line it updates once applied
 */
record PlannedWrite(ReconcileItem item, ScimUser user, List<PatchOperation> operations) {
}
