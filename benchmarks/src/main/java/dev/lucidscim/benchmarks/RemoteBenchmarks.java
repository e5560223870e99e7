package dev.lucidscim.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios against a Lucid-like tenant ({@link LucidLikeTenant#REMOTE}), one run each: the main job's work on
 * the sample (in a cold JVM, then warm) and on a generated export, reconcile of a directory at 1, 4, 8 and 16 writes in
 * flight (then 8 paced by the client at the tenant's rate, and 16 with the adaptive rate starting at twice it), and
 * the consumer's first poll of a large directory. Each prints its figures and one
 * {@code RATIO <scenario> minimum/actual=<x.xx>} line.
 */
final class RemoteBenchmarks {

    private static final int[] WRITES_IN_FLIGHT = { 1, 4, 8, 16 };
    /** Paced at the tenant's rate: whether the client's own limit lets more writes in flight than rate x latency. */
    private static final int PACED_WRITES_IN_FLIGHT = 8;

    private RemoteBenchmarks() {
    }

    static List<RemoteOutcome> run(LucidLikeTenant tenant, double scale) throws Exception {
        System.out.println("Tenant: " + tenant.describe());
        List<RemoteOutcome> outcomes = new ArrayList<>();
        // first in this JVM, as in the main job's own: classes loaded and code compiled on the way; then warm
        outcomes.add(report(MainJobRemote.sample(tenant, "remote-main-job-sample-cold-jvm")));
        outcomes.add(report(MainJobRemote.sample(tenant, "remote-main-job-sample")));
        outcomes.add(report(MainJobRemote.generated(tenant, BenchmarkMain.scaled(10_000, scale))));
        int directory = BenchmarkMain.scaled(10_000, scale);
        for (int writes : WRITES_IN_FLIGHT) {
            outcomes.add(report(ReconcileRemote.run(tenant, directory, writes, "", "")));
        }
        String paced = "requestsPerSecond=" + (int) tenant.requestsPerSecond();
        outcomes.add(report(ReconcileRemote.run(tenant, directory, PACED_WRITES_IN_FLIGHT, paced, "paced")));
        // starting above the tenant's limit, as one would without knowing it
        outcomes.add(report(ReconcileRemote.run(tenant, directory, 16, "requestsPerSecond="
                + (int) (2 * tenant.requestsPerSecond()) + "&adaptiveRate=true", "adaptive")));
        outcomes.add(report(PollRemote.run(tenant, BenchmarkMain.scaled(100_000, scale))));
        return outcomes;
    }

    private static RemoteOutcome report(RemoteOutcome outcome) {
        System.out.println(outcome.figures());
        return outcome;
    }
}
