package dev.lucidscim.benchmarks;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness itself works (every scenario runs both sides to completion and checks its own results), at a size
 * small enough for CI. Figures are not asserted: speed is for the benchmark command to report.
 */
class BenchmarkHarnessTest {

    @Test
    void everyScenarioRunsBothSides() throws Exception {
        assertThat(new CreateBenchmark(200).run(8).ratio()).isPositive();
        Comparison upsert = new UpsertBenchmark(200).run();
        assertThat(upsert.notes()).contains("requests per row: component 1.10");
        assertThat(new PollBenchmark(500).run().ratio()).isPositive();
        Comparison reconcile = new ReconcileBenchmark(500).run();
        assertThat(reconcile.ratioLine()).startsWith("RATIO reconcile-500-roster component/baseline=");
    }

    @Test
    void everyRemoteScenarioRunsAgainstATenantWithLatencyAndARateLimit() throws Exception {
        LucidLikeTenant fast = new LucidLikeTenant(Duration.ofMillis(2), Duration.ofMillis(1), 2000, 200);

        List<RemoteOutcome> outcomes = RemoteBenchmarks.run(fast, 0.01);

        assertThat(outcomes).extracting(RemoteOutcome::scenario).contains("remote-main-job-sample-cold-jvm",
                "remote-main-job-sample", "remote-main-job-100-people", "remote-reconcile-100-users-1-writes-in-flight",
                "remote-reconcile-100-users-16-writes-in-flight", "remote-reconcile-100-users-8-writes-in-flight-paced",
                "remote-reconcile-100-users-16-writes-in-flight-adaptive",
                "remote-poll-1k-users");
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.ratio()).isPositive();
            assertThat(outcome.ratioLine()).startsWith("RATIO " + outcome.scenario() + " minimum/actual=");
        });
        RemoteOutcome sample = outcomes.get(1);
        // the GETs: 4 listing pages and the ServiceProviderConfig, read once per endpoint (may writes send If-Match?)
        assertThat(sample.served()).as("the sample's plan: 4 listing requests, 119 user and 9 group writes")
                .isEqualTo(new ServedRequests(133, 0, 5, 128));
        assertThat(sample.notes()).contains("plan: 4 listing requests + 119 user writes", "+ 9 group writes");
        assertThat(outcomes.get(outcomes.size() - 1).served().pages()).isEqualTo(10);
    }
}
