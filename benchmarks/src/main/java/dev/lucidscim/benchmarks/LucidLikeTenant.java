package dev.lucidscim.benchmarks;

import java.time.Duration;
import java.util.Locale;

import dev.lucidscim.simulator.LucidScimSimulator;

/**
 * The simulator as a remote Lucid tenant: every answer takes {@code latency} plus a jitter drawn (seeded) between
 * {@code -jitter} and {@code +jitter}, and the token may send {@code requestsPerSecond} with bursts of {@code burst}
 * (429 with Retry-After beyond). The request log keeps every request but no body, so that thousands of writes stay
 * small in the heap while every request is counted.
 */
record LucidLikeTenant(Duration latency, Duration jitter, double requestsPerSecond, int burst) {

    /** A tenant across the internet (150 ms round trips) at the rate Microsoft asks gallery SCIM apps to sustain. */
    static final LucidLikeTenant REMOTE = new LucidLikeTenant(Duration.ofMillis(150), Duration.ofMillis(30), 25, 5);

    private static final long LATENCY_SEED = 13;

    LucidScimSimulator start() {
        return LucidScimSimulator.builder().latency(latency, jitter).latencySeed(LATENCY_SEED)
                .rateLimit(requestsPerSecond, burst).requestLogBodyLimit(0).build().start();
    }

    double latencySeconds() {
        return latency.toNanos() / 1e9;
    }

    String describe() {
        return String.format(Locale.ROOT, "%d ms +/- %d ms per answer, %.0f requests/s with bursts of %d",
                latency.toMillis(), jitter.toMillis(), requestsPerSecond, burst);
    }
}
