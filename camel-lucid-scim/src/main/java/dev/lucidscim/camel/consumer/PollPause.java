package dev.lucidscim.camel.consumer;

import java.time.Duration;

/**
 * When the consumer should not poll: after Lucid refused the token (growing pauses, so that a revoked token is not
 * hammered every few seconds) or rate-limited the listing (as long as Lucid asked).
 */
final class PollPause {

    private static final Duration LONGEST = Duration.ofHours(1);

    private final Duration base;
    private int authenticationFailures;
    private long pausedUntilNanos;

    /** @param base the first pause after a refused token (the poll delay); it doubles, up to an hour */
    PollPause(Duration base) {
        this.base = base.isZero() || base.isNegative() ? Duration.ofSeconds(1) : base;
    }

    boolean isActive() {
        return System.nanoTime() - pausedUntilNanos < 0;
    }

    /** @return how long polls are paused */
    Duration afterAuthenticationFailure() {
        authenticationFailures++;
        int doublings = Math.min(authenticationFailures - 1, 20);
        Duration pause = base.multipliedBy(1L << doublings);
        return pauseFor(pause.compareTo(LONGEST) > 0 ? LONGEST : pause);
    }

    /** @return how long polls are paused: what Lucid asked for, else one base pause */
    Duration afterRateLimit(Duration retryAfter) {
        return pauseFor(retryAfter != null ? retryAfter : base);
    }

    void afterSuccess() {
        authenticationFailures = 0;
    }

    private Duration pauseFor(Duration pause) {
        pausedUntilNanos = System.nanoTime() + pause.toNanos();
        return pause;
    }
}
