package dev.lucidscim.camel.producer.plan;

import java.util.List;

import dev.lucidscim.camel.producer.reconcile.ReconcileItem;
import dev.lucidscim.plan.PlannedChange;

/**
 * What came of one write of a plan.
 *
 * @param change           the write as planned
 * @param result           applied, failed or skipped (the resource changed since it was planned: not written)
 * @param id               the resource's id: for a create, the one Lucid gave (null when it failed)
 * @param detail           why it failed or was skipped, else null
 * @param note             what a person should know although nothing failed (a manager not set), else null
 * @param notKept          the attribute paths the answer shows the tenant did not keep (users only)
 * @param membersOnlyAdded for a group: its removals were left out because the create of one of its new members
 *                         failed (that person's account may be in the group under another name)
 */
public record AppliedChange(PlannedChange change, ReconcileItem.Result result, String id, String detail,
                            String note, List<String> notKept, boolean membersOnlyAdded) {

    public AppliedChange {
        notKept = notKept == null ? List.of() : List.copyOf(notKept);
    }

    static AppliedChange failed(PlannedChange change, String detail) {
        return new AppliedChange(change, ReconcileItem.Result.FAILED, change.id(), detail, null, null, false);
    }

    static AppliedChange skipped(PlannedChange change, String detail) {
        return new AppliedChange(change, ReconcileItem.Result.SKIPPED, change.id(), detail, null, null, false);
    }

    AppliedChange withNote(String newNote, boolean onlyAdded) {
        return new AppliedChange(change, result, id, detail, newNote, notKept, onlyAdded);
    }
}
