package dev.lucidscim.examples.hr;

import dev.lucidscim.camel.producer.reconcile.GroupAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.examples.hr.ProvisioningRun.Result;

/**
 * What one HR file did, whichever mode applied it, and the one {@code SUMMARY} line scripts (and CI) read. A
 * reactivation counts as an update, as in the upsert mode's outcome; for a dry run, the counts are what would be done.
 */
public record FeedCounts(int created, int updated, int unchanged, int deactivated, int failed, int rejected,
                         int groupsCreated, int groupsUpdated, int groupsUnchanged, int groupsFailed) {

    public static FeedCounts of(ProvisioningRun run) {
        return new FeedCounts(run.users(Result.CREATED), run.users(Result.UPDATED), run.users(Result.UNCHANGED),
                run.users(Result.DEACTIVATED), run.users(Result.FAILED), run.rejectedRows().size(),
                run.groups(Result.CREATED), run.groups(Result.UPDATED), run.groups(Result.UNCHANGED),
                run.groups(Result.FAILED));
    }

    public static FeedCounts of(ReconcileReport report, int rejected) {
        return new FeedCounts(users(report, ReconcileAction.CREATE),
                users(report, ReconcileAction.UPDATE) + users(report, ReconcileAction.REACTIVATE),
                users(report, ReconcileAction.UNCHANGED), users(report, ReconcileAction.DEACTIVATE),
                report.failures().size(), rejected, groups(report, GroupAction.CREATE),
                groups(report, GroupAction.UPDATE), groups(report, GroupAction.UNCHANGED),
                report.groupFailures().size());
    }

    private static int users(ReconcileReport report, ReconcileAction action) {
        return (int) report.items().stream().filter(item -> item.action() == action
                                                            && item.result() != ReconcileItem.Result.FAILED).count();
    }

    private static int groups(ReconcileReport report, GroupAction action) {
        return (int) report.groups().stream().filter(group ->
                group.action() == action && group.result() != ReconcileItem.Result.FAILED).count();
    }

    /** {@code SUMMARY created=.. updated=.. unchanged=.. deactivated=.. failed=.. rejected=.. groups_...}. */
    public String summaryLine() {
        return "SUMMARY created=" + created + " updated=" + updated + " unchanged=" + unchanged + " deactivated="
               + deactivated + " failed=" + failed + " rejected=" + rejected + " groups_created=" + groupsCreated
               + " groups_updated=" + groupsUpdated + " groups_unchanged=" + groupsUnchanged + " groups_failed="
               + groupsFailed;
    }
}
