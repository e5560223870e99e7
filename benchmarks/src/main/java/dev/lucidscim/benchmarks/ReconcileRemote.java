package dev.lucidscim.benchmarks;

import java.util.List;
import java.util.Locale;

import dev.lucidscim.camel.producer.reconcile.ReconcileAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;

/**
 * Reconcile of a large directory against the Lucid-like tenant: the first roster of a {@link ChangingRoster} (3%
 * changed titles, 2% joiners, 2% leavers), sent once, with {@code writesInFlight} and any client-side rate options
 * given (such as {@code requestsPerSecond=25}).
 */
final class ReconcileRemote {

    private ReconcileRemote() {
    }

    /**
     * @param rateOptions endpoint options for the client's own pacing, "" for none (the component's default)
     * @param label       what the scenario's name says of those options, "" for none
     */
    static RemoteOutcome run(LucidLikeTenant tenant, int size, int writesInFlight, String rateOptions, String label)
            throws Exception {
        ChangingRoster rosters = new ChangingRoster(size);
        try (LucidScimSimulator lucid = tenant.start()) {
            rosters.seed(lucid);
            List<ScimUser> roster = rosters.next(lucid);
            String uri = "lucid-scim:users?operation=reconcile&reconcileConcurrency=" + writesInFlight
                         + (rateOptions.isEmpty() ? "" : "&" + rateOptions);
            return RemoteRun.measure("remote-reconcile-" + Comparison.size(size) + "-users-" + writesInFlight
                                     + "-writes-in-flight" + (label.isEmpty() ? "" : "-" + label), tenant, lucid, uri,
                    camel -> planNotes(camel.template.requestBody(uri, roster, ReconcileReport.class)));
        }
    }

    /** What reconcile planned and how it ended, to set beside what the simulator served. */
    static String planNotes(ReconcileReport report) {
        return String.format(Locale.ROOT, "plan: %d listing requests + %d user writes (%d creates, %d updates, %d "
                                          + "deactivations) + %d group writes; %d failed",
                report.listingRequests(), report.plannedWrites(), report.count(ReconcileAction.CREATE),
                report.count(ReconcileAction.UPDATE), report.count(ReconcileAction.DEACTIVATE),
                report.plannedGroupWrites(), report.failures().size() + report.groupFailures().size());
    }
}
