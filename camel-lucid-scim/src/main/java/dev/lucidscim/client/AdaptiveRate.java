package dev.lucidscim.client;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule of {@code adaptiveRate}: additive increase, multiplicative decrease, as TCP finds a link's capacity. The
 * rate starts at the configured one. A 429 lowers it to {@value #DECREASE} of what it was, never below
 * {@value #FLOOR} request/s (or the configured rate, if lower). After every ten seconds' worth of answers at the
 * current rate ({@code rate x 10} answers, none a 429 nor a 5xx), it rises by {@value #STEP} of the configured rate,
 * never above it: from half the configured rate back to all of it takes ten such steps, about 100 s of steady
 * sending.
 * <p>
 * A 429 to a request sent before the last decrease lowers nothing: it answers the same burst as the 429 that caused
 * the decrease (requests in flight when it came back), and counting it again would cut the rate once per request in
 * flight. Answers to those requests do not count towards an increase either. Changes of a fifth or more since the last
 * one logged, and the return to the configured rate, are logged at INFO, naming the tenant's host.
 * <p>
 * Not thread-safe: the {@link RateLimiter} that owns it calls it under its lock.
 */
final class AdaptiveRate {

    /** What a 429 leaves of the rate. 0.7 as in the AWS SDKs' adaptive retry mode: gentler than TCP's half. */
    static final double DECREASE = 0.7;
    /** Of the configured rate, added per step of increase. */
    static final double STEP = 0.05;
    /** A step of increase needs this many seconds' worth of answers at the current rate. */
    static final double SECONDS_PER_STEP = 10;
    /** Requests per second the rate never goes below: enough to make progress against any tenant. */
    static final double FLOOR = 1;
    /** The change since the last logged rate that is logged again. */
    private static final double LOGGED_CHANGE = 0.2;

    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveRate.class);

    private final String tenant;
    private double configured;
    private double rate;
    private boolean decreased;
    private long lastDecreaseNanos;
    private long answersSinceChange;
    private double loggedRate;

    /**
     * @param tenant     the tenant's host, for the log
     * @param configured the rate to start at and never exceed, positive
     */
    AdaptiveRate(String tenant, double configured) {
        this.tenant = tenant;
        this.configured = configured;
        this.rate = configured;
        this.loggedRate = configured;
    }

    /** The rate in force, in requests per second. */
    double rate() {
        return rate;
    }

    /** Another endpoint of the tenant configured a lower rate: it becomes the ceiling. */
    void limitTo(double lowerConfigured) {
        configured = lowerConfigured;
        rate = Math.min(rate, lowerConfigured);
        loggedRate = Math.min(loggedRate, lowerConfigured);
    }

    /**
     * Lucid answered 429 to a request.
     *
     * @param sentAtNanos when the request was let through
     * @param nowNanos    now, on the same clock
     */
    void rateLimited(long sentAtNanos, long nowNanos) {
        if (sentBeforeLastDecrease(sentAtNanos)) {
            return;
        }
        decreased = true;
        lastDecreaseNanos = nowNanos;
        answersSinceChange = 0;
        change(Math.max(Math.min(FLOOR, configured), rate * DECREASE), "after a 429");
    }

    /** Lucid answered a request, neither 429 nor a server error. */
    void answered(long sentAtNanos) {
        if (rate >= configured || sentBeforeLastDecrease(sentAtNanos)) {
            return;
        }
        answersSinceChange++;
        if (answersSinceChange >= Math.max(1, Math.round(rate * SECONDS_PER_STEP))) {
            answersSinceChange = 0;
            change(Math.min(configured, rate + configured * STEP), "after " + (long) SECONDS_PER_STEP
                                                                   + " s worth of answers without a 429");
        }
    }

    private boolean sentBeforeLastDecrease(long sentAtNanos) {
        return decreased && sentAtNanos - lastDecreaseNanos < 0;
    }

    private void change(double newRate, String why) {
        rate = newRate;
        if (Math.abs(rate - loggedRate) >= loggedRate * LOGGED_CHANGE || rate == configured && loggedRate != rate) {
            LOG.info("Requests to {} now paced at {} per second {} (adaptiveRate, requestsPerSecond={})", tenant,
                    format(rate), why, format(configured));
            loggedRate = rate;
        }
    }

    private static String format(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
