package dev.lucidscim.client;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket shared by every endpoint of one tenant and token: at most {@code permitsPerSecond} requests a
 * second on average, with bursts of up to one second's worth. A caller that finds the bucket empty reserves the
 * next permit and sleeps until it is due, outside the lock, so waiting callers are served in order. A rate of 0 means
 * no limit until some endpoint sets one.
 */
public final class RateLimiter {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private volatile double permitsPerSecond;
    /** Permits available now; negative when callers have reserved permits that are not due yet. */
    private double available;
    private long lastRefillNanos;

    public RateLimiter(double permitsPerSecond) {
        this.permitsPerSecond = Math.max(0, permitsPerSecond);
        this.available = burst();
        this.lastRefillNanos = System.nanoTime();
    }

    /** Blocks until a request may be sent. @return how long it waited, in nanoseconds */
    public long acquire() throws InterruptedException {
        if (permitsPerSecond == 0) {
            return 0;
        }
        long waitNanos;
        synchronized (this) {
            refill(System.nanoTime());
            available -= 1;
            waitNanos = available >= 0 ? 0 : (long) (-available / permitsPerSecond * NANOS_PER_SECOND);
        }
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
        return waitNanos;
    }

    /**
     * Sets a limit where there was none, or lowers it (never raises it): when endpoints of a tenant ask for different
     * limits, the lowest holds. A rate of 0 or less changes nothing.
     */
    public synchronized void limitTo(double permitsPerSecond) {
        if (permitsPerSecond <= 0 || this.permitsPerSecond > 0 && permitsPerSecond >= this.permitsPerSecond) {
            return;
        }
        long now = System.nanoTime();
        boolean wasUnlimited = this.permitsPerSecond == 0;
        if (!wasUnlimited) {
            refill(now);
        }
        this.permitsPerSecond = permitsPerSecond;
        available = wasUnlimited ? burst() : Math.min(available, burst());
        lastRefillNanos = now;
    }

    /** The limit in force, 0 for none. */
    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    private void refill(long now) {
        available = Math.min(burst(), available + (now - lastRefillNanos) * permitsPerSecond / NANOS_PER_SECOND);
        lastRefillNanos = now;
    }

    private double burst() {
        return Math.max(1, permitsPerSecond);
    }
}
