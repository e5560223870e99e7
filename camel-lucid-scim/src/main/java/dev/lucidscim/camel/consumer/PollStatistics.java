package dev.lucidscim.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import dev.lucidscim.camel.LucidScimChangeType;

/**
 * What one consumer's polls did: the last poll's {@link PollSummary}, totals since the start for metrics, and whether
 * polls are paused now and why. The poll thread counts the poll in progress in plain fields (a consumer never polls
 * on two threads at once) and publishes the summary and the totals when the poll ends; readers see finished polls
 * only.
 */
public final class PollStatistics {

    private static final LucidScimChangeType[] TYPES = LucidScimChangeType.values();

    private final PollPause pause;
    private final LongAdder polls = new LongAdder();
    private final LongAdder pages = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder[] changes = new LongAdder[TYPES.length];
    private volatile PollSummary last;

    // the poll in progress: poll thread only
    private Instant started;
    private long startedNanos;
    private int pagesNow;
    private final int[] changesNow = new int[TYPES.length];

    PollStatistics(PollPause pause) {
        this.pause = pause;
        for (int type = 0; type < TYPES.length; type++) {
            changes[type] = new LongAdder();
        }
    }

    void pollStarted() {
        started = Instant.now();
        startedNanos = System.nanoTime();
        pagesNow = 0;
        Arrays.fill(changesNow, 0);
    }

    void pageRead() {
        pagesNow++;
    }

    /** @param change null for a resource delivered in {@code all} mode */
    void changeFound(Change change) {
        if (change != null) {
            changesNow[change.type().ordinal()]++;
        }
    }

    void pollEnded(int delivered) {
        Map<LucidScimChangeType, Integer> found = new EnumMap<>(LucidScimChangeType.class);
        for (int type = 0; type < TYPES.length; type++) {
            if (changesNow[type] > 0) {
                found.put(TYPES[type], changesNow[type]);
                changes[type].add(changesNow[type]);
            }
        }
        polls.increment();
        pages.add(pagesNow);
        deliveries.add(delivered);
        last = new PollSummary(started, Duration.ofNanos(System.nanoTime() - startedNanos), pagesNow, delivered,
                found);
    }

    /** The last finished poll, or null before the first one. Polls skipped while paused do not count. */
    public PollSummary lastPoll() {
        return last;
    }

    /** Polls finished since the consumer was created, failed ones included. */
    public long polls() {
        return polls.sum();
    }

    /** Listing pages read by all polls. */
    public long pages() {
        return pages.sum();
    }

    /** Exchanges sent to the route by all polls. */
    public long deliveries() {
        return deliveries.sum();
    }

    /** Changes of this type found by all polls. */
    public long changes(LucidScimChangeType type) {
        return changes[type.ordinal()].sum();
    }

    /** Why polls are paused now: {@code token-refused} or {@code rate-limited}; null when they are not. */
    public String pauseReason() {
        return pause.reason().label();
    }

    /** How much of the pause is left (zero when there is none). */
    public Duration pauseRemaining() {
        return pause.remaining();
    }
}
