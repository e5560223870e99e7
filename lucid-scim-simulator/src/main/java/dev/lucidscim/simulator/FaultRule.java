package dev.lucidscim.simulator;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One kind of trouble to inject: an answer (429 with or without {@code Retry-After}, a 5xx), added latency, or a
 * dropped connection (before the request is processed, or after it was committed: the ambiguous write). A rule fires
 * for the requests it matches (method and path prefix) on a trigger: every N-th, the next N, a random fraction, or all
 * within a time window. Build one with the static factories and the {@code with...}/trigger methods:
 *
 * <pre>{@code
 * simulator.faults().add(FaultRule.respond(429).withRetryAfter(Duration.ofSeconds(1)).every(10));
 * simulator.faults().add(FaultRule.dropAfterCommit().onlyFor("POST", "/Users").next(1));
 * simulator.faults().add(FaultRule.respond(503).fraction(0.10, 42));
 * }</pre>
 */
public final class FaultRule {

    /** What a fired rule does. */
    public enum Action {
        /** Answer with a status and a SCIM error body, without processing the request. */
        RESPOND,
        /** Wait, then go on (other rules and processing still apply). */
        DELAY,
        /** Close the connection without an answer, without processing the request. */
        DROP,
        /** Process (commit) the request, then close the connection without an answer. */
        DROP_AFTER_COMMIT
    }

    private enum Trigger { ALWAYS, EVERY, NEXT, FRACTION, WINDOW }

    private final Action action;
    private final int status;
    private final Duration retryAfter;
    private final Duration delay;
    private final String method;
    private final String pathPrefix;
    private final Trigger trigger;
    private final long n;
    private final double fraction;
    private final Random random;
    private final long windowEndNanos;
    private final AtomicLong seen = new AtomicLong();

    private FaultRule(Action action, int status, Duration retryAfter, Duration delay, String method, String pathPrefix,
                      Trigger trigger, long n, double fraction, Random random, long windowEndNanos) {
        this.action = action;
        this.status = status;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.method = method;
        this.pathPrefix = pathPrefix;
        this.trigger = trigger;
        this.n = n;
        this.fraction = fraction;
        this.random = random;
        this.windowEndNanos = windowEndNanos;
    }

    /** Answer this status (429, 5xx, ...) instead of processing; fires on every matching request until triggered. */
    public static FaultRule respond(int status) {
        return new FaultRule(Action.RESPOND, status, null, null, null, "", Trigger.ALWAYS, 0, 0, null, 0);
    }

    /** Wait this long before processing. */
    public static FaultRule delay(Duration delay) {
        return new FaultRule(Action.DELAY, 0, null, delay, null, "", Trigger.ALWAYS, 0, 0, null, 0);
    }

    /** Close the connection without processing the request or answering it. */
    public static FaultRule dropConnection() {
        return new FaultRule(Action.DROP, 0, null, null, null, "", Trigger.ALWAYS, 0, 0, null, 0);
    }

    /** Process the request (a create is committed), then close the connection without answering. */
    public static FaultRule dropAfterCommit() {
        return new FaultRule(Action.DROP_AFTER_COMMIT, 0, null, null, null, "", Trigger.ALWAYS, 0, 0, null, 0);
    }

    /** With {@link #respond(int)}: send {@code Retry-After} in seconds. */
    public FaultRule withRetryAfter(Duration wait) {
        return new FaultRule(action, status, wait, delay, method, pathPrefix, trigger, n, fraction, random,
                windowEndNanos);
    }

    /** Only requests with this method (null for any) whose path starts with the prefix (such as /Users). */
    public FaultRule onlyFor(String requestMethod, String requestPathPrefix) {
        return new FaultRule(action, status, retryAfter, delay, requestMethod,
                requestPathPrefix == null ? "" : requestPathPrefix, trigger, n, fraction, random, windowEndNanos);
    }

    /** Fire on every {@code count}-th matching request (the count-th, 2*count-th, ...). */
    public FaultRule every(long count) {
        return withTrigger(Trigger.EVERY, count, 0, null, 0);
    }

    /** Fire on the next {@code count} matching requests, then never again: a burst. */
    public FaultRule next(long count) {
        return withTrigger(Trigger.NEXT, count, 0, null, 0);
    }

    /** Fire on a random fraction of matching requests; the seed makes a run repeatable. */
    public FaultRule fraction(double share, long seed) {
        return withTrigger(Trigger.FRACTION, 0, share, new Random(seed), 0);
    }

    /** Fire on every matching request from now until the window has passed: a storm. */
    public FaultRule during(Duration window) {
        return withTrigger(Trigger.WINDOW, 0, 0, null, System.nanoTime() + window.toNanos());
    }

    public Action action() {
        return action;
    }

    public int status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Duration delay() {
        return delay;
    }

    /** Whether the rule fires for this request; counts the request when it matches. */
    boolean firesFor(String requestMethod, String path) {
        if (method != null && !method.equalsIgnoreCase(requestMethod) || !path.startsWith(pathPrefix)) {
            return false;
        }
        long number = seen.incrementAndGet();
        return switch (trigger) {
            case ALWAYS -> true;
            case EVERY -> number % n == 0;
            case NEXT -> number <= n;
            case FRACTION -> nextDouble() < fraction;
            case WINDOW -> System.nanoTime() < windowEndNanos;
        };
    }

    String describe() {
        String what = switch (action) {
            case RESPOND -> "status " + status + (retryAfter != null ? " with Retry-After " + retryAfter.toSeconds()
                    : "");
            case DELAY -> "delay " + delay.toMillis() + " ms";
            case DROP -> "dropped";
            case DROP_AFTER_COMMIT -> "dropped after commit";
        };
        return what;
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private FaultRule withTrigger(Trigger newTrigger, long count, double share, Random rng, long windowEnd) {
        if (newTrigger == Trigger.EVERY && count < 1 || newTrigger == Trigger.NEXT && count < 0) {
            throw new IllegalArgumentException("count must be positive, not " + count);
        }
        return new FaultRule(action, status, retryAfter, delay, method, pathPrefix, newTrigger, count, share, rng,
                windowEnd);
    }
}
