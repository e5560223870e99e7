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
 * @param result            planned (dry run, or not applied because a threshold tripped), applied, failed, or
 *                          nothing (unchanged and unmanaged users)
 * @param error             why it failed, or null
 * @param note              what a person should know although nothing failed (a manager that could not be set),
 *                          or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReconcileItem(String matchValue, String userName, String id, ReconcileAction action,
                            List<String> changedAttributes, Result result, String error, String note) {

    /** What came of a planned action. */
    public enum Result { PLANNED, APPLIED, FAILED, NOTHING }

    ReconcileItem withResult(Result newResult, String newId, String newError) {
        return new ReconcileItem(matchValue, userName, newId != null ? newId : id, action, changedAttributes,
                newResult, newError, note);
    }

    ReconcileItem withNote(String newNote) {
        return new ReconcileItem(matchValue, userName, id, action, changedAttributes, result, error, newNote);
    }
}
