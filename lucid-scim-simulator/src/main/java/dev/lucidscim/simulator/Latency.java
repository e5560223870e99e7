package dev.lucidscim.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * The time every answer takes, standing in for the round trip to a real tenant: a fixed part and a jitter drawn
 * uniformly from {@code -jitter} to {@code +jitter}, so that the mean stays the fixed part (the builder keeps the
 * jitter within it). The draws come from a seeded {@link Random}: the same seed gives the same sequence of
 * latencies (which request gets which depends on the order requests arrive in).
 */
final class Latency {

    private final long fixedNanos;
    private final long jitterNanos;
    private final long seed;
    private volatile Random random;

    Latency(Duration fixed, Duration jitter, long seed) {
        this.fixedNanos = fixed.toNanos();
        this.jitterNanos = jitter.toNanos();
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The latency of the next answer, in nanoseconds. */
    long nextNanos() {
        if (jitterNanos == 0) {
            return fixedNanos;
        }
        // Random is thread-safe: workers draw without a lock of their own.
        return fixedNanos - jitterNanos + (long) (random.nextDouble() * (2 * jitterNanos + 1));
    }

    /** Starts the sequence of draws again, as with a new simulator. */
    void reset() {
        random = new Random(seed);
    }
}
