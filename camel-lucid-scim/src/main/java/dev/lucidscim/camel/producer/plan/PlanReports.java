package dev.lucidscim.camel.producer.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.camel.producer.IgnoredAttribute;
import dev.lucidscim.camel.producer.reconcile.GroupAction;
import dev.lucidscim.camel.producer.reconcile.GroupReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PlannedChange;

/**
 * A plan, planned or applied, as a {@link ReconcileReport} (the body of apply and approve, and of an apply whose
 * breaker tripped): one item per user write, one per group write; and an outcome written onto reconcile's own items.
 */
public final class PlanReports {

    private PlanReports() {
    }

    /** The plan not applied: every write planned. */
    public static ReconcileReport planned(ChangePlan plan, List<IgnoredAttribute> ignored) {
        return report(plan, null, ignored);
    }

    /** The plan applied: each write with its outcome (in the plan's order). */
    public static ReconcileReport applied(ChangePlan plan, List<AppliedChange> outcomes,
                                          List<IgnoredAttribute> ignored) {
        return report(plan, outcomes, ignored);
    }

    /** Reconcile's line of a user, once its write ended. */
    public static ReconcileItem withOutcome(ReconcileItem item, AppliedChange outcome) {
        ReconcileItem ended = item.withResult(outcome.result(), outcome.id(), outcome.detail());
        return (outcome.note() == null ? ended : ended.withNote(outcome.note())).withIgnored(outcome.notKept());
    }

    /** Reconcile's line of a group, once its write ended. */
    public static GroupReconcileItem withOutcome(GroupReconcileItem item, AppliedChange outcome) {
        GroupReconcileItem ended = item.withResult(outcome.result(), outcome.id(), outcome.detail());
        return outcome.membersOnlyAdded() ? new GroupReconcileItem(ended.displayName(), ended.id(), ended.action(),
                ended.membersAdded(), List.of(), true, ended.result(), ended.error()) : ended;
    }

    private static ReconcileReport report(ChangePlan plan, List<AppliedChange> outcomes,
                                          List<IgnoredAttribute> ignored) {
        List<ReconcileItem> users = new ArrayList<>();
        List<GroupReconcileItem> groups = new ArrayList<>();
        for (int i = 0; i < plan.changes().size(); i++) {
            PlannedChange change = plan.changes().get(i);
            AppliedChange outcome = outcomes == null ? null : outcomes.get(i);
            if (change.resourceType().equals("User")) {
                ReconcileItem item = userItem(change);
                users.add(outcome == null ? item : withOutcome(item, outcome));
            } else {
                GroupReconcileItem item = groupItem(change);
                groups.add(outcome == null ? item : withOutcome(item, outcome));
            }
        }
        int managedUsers = plan.base() == null ? 0 : plan.base().managedUsers();
        return new ReconcileReport(false, outcomes != null, managedUsers, 0, users, groups, ignored, plan);
    }

    private static ReconcileItem userItem(PlannedChange change) {
        ReconcileAction action = ReconcileAction.valueOf(change.action().toUpperCase(Locale.ROOT));
        List<String> paths = action == ReconcileAction.DEACTIVATE ? List.of()
                : change.changes().stream().map(AttributeChange::path).toList();
        return new ReconcileItem(change.name(), change.name(), change.id(), action, paths,
                ReconcileItem.Result.PLANNED, null, null, null);
    }

    private static GroupReconcileItem groupItem(PlannedChange change) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (AttributeChange member : change.changes()) {
            if (member.after() != null) {
                added.add(member.after().asText());
            } else if (member.before() != null) {
                removed.add(member.before().asText());
            }
        }
        added.addAll(change.pendingMembers());
        GroupAction action = change.action().equals("create") ? GroupAction.CREATE : GroupAction.UPDATE;
        return new GroupReconcileItem(change.name(), change.id(), action, added, removed, false,
                ReconcileItem.Result.PLANNED, null);
    }
}
