package dev.lucidscim.benchmarks;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The physical minimum: the larger of the rate limit's time and the round trips' time. */
class PhysicalMinimumTest {

    private static final LucidLikeTenant TENANT = new LucidLikeTenant(Duration.ofMillis(150), Duration.ofMillis(30),
            25, 5);

    @Test
    void manyRequestsInFlightAreBoundByTheRate() {
        // round trips: 100 x 0.15 / 4 + 700 x 0.15 / 16 = 10.3 s; rate: 800 / 25 = 32 s
        PhysicalMinimum minimum = new PhysicalMinimum(TENANT, 100, 700, 4, 16);

        assertThat(minimum.seconds()).isCloseTo(32, within(1e-9));
        assertThat(minimum.describe()).startsWith("minimum 32.0 s = max(800 requests / 25/s, 100 pages x 150 ms / 4 "
                                                  + "in flight + 700 writes x 150 ms / 16 in flight)");
    }

    @Test
    void fewRequestsInFlightAreBoundByTheRoundTrips() {
        // round trips: 100 x 0.15 / 1 + 700 x 0.15 / 1 = 120 s; rate: 32 s
        assertThat(new PhysicalMinimum(TENANT, 100, 700, 1, 1).seconds()).isCloseTo(120, within(1e-9));
        // pages and writes in flight count apart: 100 x 0.15 / 4 + 700 x 0.15 / 2 = 56.25 s
        assertThat(new PhysicalMinimum(TENANT, 100, 700, 4, 2).seconds()).isCloseTo(56.25, within(1e-9));
    }

    @Test
    void aListingWithoutWritesIsItsPages() {
        assertThat(new PhysicalMinimum(TENANT, 1000, 0, 1, 0).seconds()).isCloseTo(150, within(1e-9));
        assertThat(new PhysicalMinimum(TENANT, 1000, 0, 4, 0).seconds()).isCloseTo(40, within(1e-9));
    }
}
