package dev.lucidscim.camel.producer.reconcile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One group in a reconcile report: what was planned, and what came of it.
 *
 * @param displayName    the group's name
 * @param id             the Lucid id (null for a group not yet created)
 * @param action         what reconcile planned
 * @param membersAdded   the people added, by match value
 * @param membersRemoved the members removed, by userName when Lucid listed them, else by id
 * @param addOnly        whether members were only added, because someone of the group failed in this run and may
 *                       still be in it under an account the roster could not match
 * @param result         planned, applied, failed, skipped (changed at Lucid since planned), or nothing (unchanged
 *                       and excluded groups)
 * @param error          why it failed or was skipped, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupReconcileItem(String displayName, String id, GroupAction action, List<String> membersAdded,
                                 List<String> membersRemoved, boolean addOnly, ReconcileItem.Result result,
                                 String error) {

    public GroupReconcileItem {
        membersAdded = membersAdded == null ? List.of() : List.copyOf(membersAdded);
        membersRemoved = membersRemoved == null ? List.of() : List.copyOf(membersRemoved);
    }

    public GroupReconcileItem withResult(ReconcileItem.Result newResult, String newId, String newError) {
        return new GroupReconcileItem(displayName, newId != null ? newId : id, action, membersAdded, membersRemoved,
                addOnly, newResult, newError);
    }
}
