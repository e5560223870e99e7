package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The latency's draws: fixed, or within the jitter around it with the fixed part as mean, repeatable by seed. */
class LatencyTest {

    private static final long MS = 1_000_000;

    @Test
    void withoutJitterEveryAnswerTakesTheFixedLatency() {
        Latency latency = new Latency(Duration.ofMillis(150), Duration.ZERO, 1);

        assertThat(draws(latency, 100)).containsOnly(150 * MS);
        assertThat(new Latency(Duration.ZERO, Duration.ZERO, 1).nextNanos()).isZero();
    }

    @Test
    void theJitterSpreadsTheDrawsEvenlyAroundTheFixedLatency() {
        List<Long> draws = draws(new Latency(Duration.ofMillis(150), Duration.ofMillis(50), 7), 10_000);

        LongSummaryStatistics statistics = draws.stream().mapToLong(Long::longValue).summaryStatistics();
        assertThat(statistics.getMin()).isBetween(100 * MS, 105 * MS);
        assertThat(statistics.getMax()).isBetween(195 * MS, 200 * MS);
        assertThat(statistics.getAverage()).isBetween(148.0 * MS, 152.0 * MS);
        assertThat(draws.stream().filter(draw -> draw < 125 * MS).count()).as("the lowest quarter")
                .isBetween(2_200L, 2_800L);
    }

    @Test
    void theSeedRepeatsTheSequenceAndResetStartsItAgain() {
        Latency latency = new Latency(Duration.ofMillis(150), Duration.ofMillis(50), 42);
        List<Long> first = draws(latency, 20);

        assertThat(draws(new Latency(Duration.ofMillis(150), Duration.ofMillis(50), 42), 20)).isEqualTo(first);
        assertThat(draws(new Latency(Duration.ofMillis(150), Duration.ofMillis(50), 43), 20)).isNotEqualTo(first);
        latency.reset();
        assertThat(draws(latency, 20)).isEqualTo(first);
    }

    private static List<Long> draws(Latency latency, int count) {
        return LongStream.range(0, count).map(i -> latency.nextNanos()).boxed().toList();
    }
}
