package dev.lucidscim.camel.consumer;

import java.time.Duration;

/**
 * When the consumer should not poll: after Lucid refused the token (growing pauses, so that a revoked token is not
 * hammered every few seconds) or rate-limited the listing (as long as Lucid asked). Every pause is at most an hour:
 * a {@code Retry-After} of years, from a broken or hostile server, must not silence the feed for good. Read by the
 * poll thread and by health checks.
 */
final class PollPause {

    /** Why polls are paused. */
    enum Reason {
        NONE(null), TOKEN_REFUSED("token-refused"), RATE_LIMITED("rate-limited");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** As health checks, the dev console and metrics show it; null for {@link #NONE}. */
        String label() {
            return label;
        }
    }

    static final Duration LONGEST = Duration.ofHours(1);

    private final Duration base;
    private int authenticationFailures;
    private volatile long pausedUntilNanos;
    private volatile Reason reason = Reason.NONE;
    private volatile Duration requested;

    /** @param base the first pause after a refused token (the poll delay); it doubles, up to an hour */
    PollPause(Duration base) {
        this.base = base.isZero() || base.isNegative() ? Duration.ofSeconds(1) : base;
    }

    boolean isActive() {
        return System.nanoTime() - pausedUntilNanos < 0;
    }

    /** Why polls are paused now; {@link Reason#NONE} once the pause is over. */
    Reason reason() {
        return isActive() ? reason : Reason.NONE;
    }

    /** How much of the pause is left (zero when none). */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, pausedUntilNanos - System.nanoTime()));
    }

    /** What the server asked for when it was more than {@link #LONGEST}, else null. */
    Duration cappedRequest() {
        return requested;
    }

    /** @return how long polls are paused */
    Duration afterAuthenticationFailure() {
        authenticationFailures++;
        int doublings = Math.min(authenticationFailures - 1, 20);
        return pauseFor(base.multipliedBy(1L << doublings), Reason.TOKEN_REFUSED);
    }

    /** @return how long polls are paused: what Lucid asked for (at most {@link #LONGEST}), else one base pause */
    Duration afterRateLimit(Duration retryAfter) {
        return pauseFor(retryAfter != null ? retryAfter : base, Reason.RATE_LIMITED);
    }

    void afterSuccess() {
        authenticationFailures = 0;
    }

    private Duration pauseFor(Duration wanted, Reason why) {
        boolean capped = wanted.compareTo(LONGEST) > 0;
        Duration pause = capped ? LONGEST : wanted;
        requested = capped ? wanted : null;
        reason = why;
        pausedUntilNanos = System.nanoTime() + pause.toNanos();
        return pause;
    }
}
