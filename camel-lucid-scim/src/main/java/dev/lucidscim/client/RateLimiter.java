package dev.lucidscim.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The pace of one tenant and token, shared by every endpoint that uses them: how fast requests may go, and when none
 * may go at all.
 * <ul>
 * <li><b>Pace.</b> At a rate R, requests are let through one every 1/R: no burst. Lucid publishes no SCIM limit
 * and no burst, so the tenant's bucket may be small (the simulator's default is one second's worth, a Lucid-like
 * test uses 5): a client that saved up a second's worth would send R requests at once into it and meet 429s at a rate
 * the tenant allows. Pacing costs no throughput, since no interval longer than 1/R sees more than its share either
 * way; a caller that finds the limiter idle goes at once. A caller that must wait reserves the next slot and sleeps
 * outside the lock, so waiting callers are served in order; callers that all wake late (a pause of the JVM or the
 * host) still go at least half a slot apart, not in a burst.</li>
 * <li><b>Hold.</b> A 429 with {@code Retry-After} holds every caller until then, not only the one that got it: Lucid
 * extends its limited window for every request sent into it, so concurrent writers that kept sending would keep the
 * tenant limited. Slots reserved before the hold are cancelled; after it, requests go one at a time at the pace
 * (all at once without a rate). A request already sent cannot be called back; a hold is never shortened, and lasts at
 * most {@link #MAX_HOLD} whatever Lucid asked. A caller whose hold would end later than it is prepared to wait (its
 * retry budget) is refused at once, nothing sent.</li>
 * <li><b>Adaptive rate</b> (opt-in): the rate in force follows {@link AdaptiveRate}'s rule, below the configured
 * one.</li>
 * <li><b>Shared budget</b> (opt-in): with a {@link RateBudget}, the pace is the budget's, shared with other processes,
 * instead of this limiter's slots; holds and the adaptive rate stay this limiter's, and the rate in force is passed to
 * the budget with every request.</li>
 * </ul>
 * With no rate and no hold, a permit costs no lock.
 */
public final class RateLimiter {

    /** The longest hold, whatever a {@code Retry-After} asks: as long as the consumer's longest pause. */
    static final Duration MAX_HOLD = Duration.ofHours(1);

    /** Time and sleep: the system's, or a test's. */
    interface Clock {

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };

        long nanoTime();

        void sleep(long nanos) throws InterruptedException;
    }

    /**
     * Leave to send one request.
     *
     * @param grantedAtNanos when it was given, on the limiter's clock
     * @param pacedNanos     how long the caller waited for the pace
     * @param heldNanos      how long the caller waited for a hold (another request's {@code Retry-After})
     */
    record Permit(long grantedAtNanos, long pacedNanos, long heldNanos) {
    }

    /** A hold ends later than the caller is prepared to wait: it was given no permit. */
    static final class HoldTooLongException extends Exception {

        private final Duration remaining;

        HoldTooLongException(Duration remaining) {
            super("held for " + remaining.toMillis() + " ms more", null, false, false);
            this.remaining = remaining;
        }

        /** How long the hold still lasts. */
        Duration remaining() {
            return remaining;
        }
    }

    private final String tenant;
    private final Clock clock;
    /** The lowest rate configured, 0 for none. Guarded by this. */
    private double configured;
    /** Non-null once an endpoint asked for the adaptive rate. Written under this. */
    private volatile AdaptiveRate adaptive;
    /** The rate in force: the configured one, or the adaptive one. Written under this. */
    private volatile double perSecond;
    /** When the next slot is free; earlier than now when the limiter is idle. Guarded by this. */
    private long nextSlotNanos;
    /** When the hold ends; not later than now when there is none. Written under this. */
    private volatile long heldUntilNanos;
    /** Counts the holds begun, so that a caller that slept through the start of one notices. Guarded by this. */
    private long holds;
    /** When the last permit was given (with a rate). Guarded by this. */
    private long lastPermitNanos;
    /** The budget shared with other processes that paces instead of the slots, or null. Written under this. */
    private volatile RateBudget budget;

    /**
     * @param tenant the tenant's host, for the adaptive rate's log
     * @param rate   the first endpoint's rate
     */
    RateLimiter(String tenant, RequestRate rate) {
        this(tenant, rate, Clock.SYSTEM);
    }

    RateLimiter(String tenant, RequestRate rate, Clock clock) {
        this.tenant = tenant;
        this.clock = clock;
        long now = clock.nanoTime();
        this.nextSlotNanos = now;
        this.heldUntilNanos = now;
        this.lastPermitNanos = now - Long.MAX_VALUE / 4;
        limitTo(rate);
    }

    /**
     * Blocks until a request may be sent.
     *
     * @param maxHold the longest this caller waits for a hold to end
     * @throws HoldTooLongException a hold ends later than {@code maxHold} from now (checked again after any wait)
     */
    Permit acquire(Duration maxHold) throws InterruptedException, HoldTooLongException {
        long requestedAt = clock.nanoTime();
        if (perSecond == 0 && heldUntilNanos - requestedAt <= 0) {
            return new Permit(requestedAt, 0, 0);
        }
        long maxHoldNanos = cappedNanos(maxHold);
        long held = 0;
        while (true) {
            long slot;
            long holdsSeen;
            synchronized (this) {
                long now = clock.nanoTime();
                long holdLeft = Math.max(0, heldUntilNanos - now);
                if (holdLeft > maxHoldNanos) {
                    throw new HoldTooLongException(Duration.ofNanos(holdLeft));
                }
                slot = now + holdLeft;
                if (pacedBySlots()) {
                    slot = nextSlotNanos - slot > 0 ? nextSlotNanos : slot;
                    nextSlotNanos = slot + intervalNanos();
                }
                held += holdLeft;
                holdsSeen = holds;
            }
            Permit permit = awaitSlot(slot, holdsSeen, requestedAt, held);
            if (permit != null && budget != null && perSecond > 0) {
                permit = fromBudget(permit, holdsSeen);
            }
            if (permit != null) {
                return permit;
            }
            // A hold began while this caller waited, cancelling its slot with every other one: it queues again.
        }
    }

    /**
     * Sleeps until the slot, and then until half a slot has passed since the last permit: callers that wake late
     * together (the JVM or the host paused) do not go in a burst. Half, not a whole one, so that a caller that woke a
     * little late (as every sleeper does) does not delay the next one: the slots keep the rate.
     *
     * @return the permit, or null when a hold began meanwhile
     */
    private Permit awaitSlot(long slot, long holdsSeen, long requestedAt, long held) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                if (holds != holdsSeen) {
                    return null;
                }
                long now = clock.nanoTime();
                long due = slot;
                if (pacedBySlots() && lastPermitNanos + intervalNanos() / 2 - slot > 0) {
                    due = lastPermitNanos + intervalNanos() / 2;
                }
                wait = due - now;
                if (wait <= 0) {
                    lastPermitNanos = now;
                    return new Permit(now, Math.max(0, now - requestedAt - held), held);
                }
            }
            clock.sleep(wait);
        }
    }

    /**
     * Waits for the shared budget after the hold, if any, is over.
     *
     * @return the permit, or null when a hold began meanwhile
     */
    private Permit fromBudget(Permit afterHold, long holdsSeen) throws InterruptedException {
        long waited = budget.take(tenant, perSecond);
        synchronized (this) {
            if (holds != holdsSeen) {
                return null;
            }
        }
        return new Permit(clock.nanoTime(), afterHold.pacedNanos() + waited, afterHold.heldNanos());
    }

    /** Whether this limiter's slots pace the requests: a rate is set, and no shared budget does it. */
    private boolean pacedBySlots() {
        return perSecond > 0 && budget == null;
    }

    /** Guarded by this: the rate may change. */
    private long intervalNanos() {
        return (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    /**
     * Lucid answered 429 to a request: holds every caller for {@code retryAfter}, if given, and lowers the adaptive
     * rate.
     *
     * @param retryAfter the answer's {@code Retry-After}, or null
     */
    synchronized void rateLimited(Permit permit, Duration retryAfter) {
        long now = clock.nanoTime();
        if (retryAfter != null && retryAfter.compareTo(Duration.ZERO) > 0) {
            long until = now + cappedNanos(retryAfter);
            if (until - heldUntilNanos > 0) {
                heldUntilNanos = until;
                nextSlotNanos = until;
                holds++;
            }
        }
        if (adaptive != null) {
            adaptive.rateLimited(permit.grantedAtNanos(), now);
            perSecond = adaptive.rate();
        }
    }

    /**
     * Lucid answered a request with a status other than 429: the adaptive rate may rise, unless it was a server error
     * (no sign that the rate is fine).
     */
    void answered(Permit permit, int status) {
        if (adaptive == null || status >= 500) {
            return;
        }
        synchronized (this) {
            adaptive.answered(permit.grantedAtNanos());
            perSecond = adaptive.rate();
        }
    }

    /**
     * Applies an endpoint's rate: sets a limit where there was none, or lowers it (never raises it), makes the
     * rate adaptive if asked (never the other way), and draws it from a shared budget if one is named. When endpoints
     * of a tenant ask differently, the most cautious holds; they cannot name two budgets.
     *
     * @throws IllegalArgumentException the rate names another budget than the tenant's other endpoints
     */
    synchronized void limitTo(RequestRate rate) {
        if (rate.budget() != null) {
            if (budget != null && budget != rate.budget()) {
                throw new IllegalArgumentException("Endpoints of " + tenant + " with the same token name two "
                                                   + "different rateBudgets: give them the same one");
            }
            budget = rate.budget();
        }
        if (rate.perSecond() > 0 && (configured == 0 || rate.perSecond() < configured)) {
            configured = rate.perSecond();
            if (adaptive != null) {
                adaptive.limitTo(configured);
            }
        }
        if (rate.adaptive() && adaptive == null) {
            adaptive = new AdaptiveRate(tenant, configured);
        }
        perSecond = adaptive != null ? adaptive.rate() : configured;
    }

    /** The rate in force, in requests per second: the configured one, or the adaptive rate's; 0 for none. */
    public double permitsPerSecond() {
        return perSecond;
    }

    /** The lowest rate the tenant's endpoints configured, 0 for none. */
    public synchronized double configuredPerSecond() {
        return configured;
    }

    /** Whether the rate adapts to 429s. */
    public boolean isAdaptive() {
        return adaptive != null;
    }

    /** A hold never exceeds {@link #MAX_HOLD}, so a longer wait is as good as that one (and cannot overflow). */
    private static long cappedNanos(Duration duration) {
        return Math.max(0, (duration.compareTo(MAX_HOLD) > 0 ? MAX_HOLD : duration).toNanos());
    }
}
