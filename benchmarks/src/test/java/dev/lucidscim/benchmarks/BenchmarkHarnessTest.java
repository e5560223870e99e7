package dev.lucidscim.benchmarks;

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
}
