package dev.lucidscim.simulator;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * A token's rate limit: a token bucket that holds {@code burst} tokens, starts full and refills at
 * {@code requestsPerSecond}; each request takes a token. A request that finds less than one token is refused, and,
 * since Lucid documents for its REST API that requests sent during the limited window can extend it (not by how
 * much), it still takes its token: the bucket goes into debt, so each refused request pushes the end of the limited window (when the bucket holds a token
 * again) back by the time one token needs to refill, {@code 1 / requestsPerSecond}. A client that keeps sending
 * faster than the rate stays limited; one that waits out {@code Retry-After} is served again.
 */
final class RateLimit {

    private final double requestsPerSecond;
    private final double tokensPerNano;
    private final int burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    /**
     * @param requestsPerSecond positive (the builder checks)
     * @param burst             at least 1
     * @param nanoTime          the clock, {@link System#nanoTime} but in tests
     */
    RateLimit(double requestsPerSecond, int burst, LongSupplier nanoTime) {
        this.requestsPerSecond = requestsPerSecond;
        this.tokensPerNano = requestsPerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        refill();
    }

    /**
     * Takes a token for a request.
     *
     * @return empty when the request may be served; else the whole seconds (at least 1) until the bucket holds a
     *         token again, for {@code Retry-After}
     */
    synchronized OptionalLong take() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        boolean served = tokens >= 1;
        tokens -= 1;
        if (served) {
            return OptionalLong.empty();
        }
        double secondsToOneToken = (1 - tokens) / requestsPerSecond;
        return OptionalLong.of(Math.max(1, (long) Math.ceil(secondsToOneToken)));
    }

    /** Such as "25 requests/s with a burst of 5 per token", for error details. */
    String describe() {
        return String.format(Locale.ROOT, "%s requests/s with a burst of %d per token",
                BigDecimal.valueOf(requestsPerSecond).stripTrailingZeros().toPlainString(), burst);
    }

    /** A full bucket again, as with a new simulator. */
    synchronized void refill() {
        tokens = burst;
        refilledAt = nanoTime.getAsLong();
    }
}
