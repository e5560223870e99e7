package dev.lucidscim.camel.producer.reconcile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One user in a reconcile report: what was planned, and what came of it.
 *
 * @param matchValue        the value matched on (userName or externalId)
 * @param userName          the user's userName
 * @param id                the Lucid id (null for a user not yet created)
 * @param action            what reconcile planned
 * @param changedAttributes for updates (and reactivations): the attribute paths written
 * @param result            planned (dry run, or not applied because a threshold tripped), applied, failed,
 *                          skipped (the user changed at Lucid since it was planned: nothing was written), or
 *                          nothing (unchanged and unmanaged users)
 * @param error             why it failed or was skipped, or null
 * @param note              what a person should know although nothing failed (a manager that could not be set),
 *                          or null
 * @param ignoredAttributes the attribute paths this write found the tenant does not keep (it answered them at
 *                          other values), left out of the changed ones; null when none. An update that changed
 *                          nothing else ends as {@code unchanged} (result {@code applied}: its request was sent)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReconcileItem(String matchValue, String userName, String id, ReconcileAction action,
                            List<String> changedAttributes, Result result, String error, String note,
                            List<String> ignoredAttributes) {

    /**
     * What came of a planned action; {@code SKIPPED}: the resource changed since it was planned (a 412 to the
     * If-Match, or another version or value read before writing), so it was not written.
     */
    public enum Result { PLANNED, APPLIED, FAILED, SKIPPED, NOTHING }

    public ReconcileItem withResult(Result newResult, String newId, String newError) {
        return new ReconcileItem(matchValue, userName, newId != null ? newId : id, action, changedAttributes,
                newResult, newError, note, ignoredAttributes);
    }

    public ReconcileItem withNote(String newNote) {
        return new ReconcileItem(matchValue, userName, id, action, changedAttributes, result, error, newNote,
                ignoredAttributes);
    }

    /** This item once its write found these paths not kept: an update of nothing else is no update. */
    public ReconcileItem withIgnored(List<String> notKept) {
        if (notKept.isEmpty()) {
            return this;
        }
        List<String> changed = changedAttributes.stream().filter(path -> !notKept.contains(path)).toList();
        ReconcileAction newAction = action == ReconcileAction.UPDATE && changed.isEmpty() ? ReconcileAction.UNCHANGED
                : action;
        return new ReconcileItem(matchValue, userName, id, newAction, changed, result, error, note,
                List.copyOf(notKept));
    }
}
