package dev.lucidscim.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared token bucket: no limit by default, only ever lowered, bursts of one second's worth. Lower bounds only. */
class RateLimiterTest {

    private static long millisToAcquire(RateLimiter limiter, int permits) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < permits; i++) {
            limiter.acquire();
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    void unlimitedByDefaultReturnsAtOnce() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(0);

        long elapsed = millisToAcquire(limiter, 100_000);

        assertThat(limiter.permitsPerSecond()).isZero();
        // Any limit at all would make 100,000 permits take far longer than this generous bound.
        assertThat(elapsed).isLessThan(5_000);
        assertThat(new RateLimiter(-3).permitsPerSecond()).as("a negative rate is no limit").isZero();
    }

    @Test
    void limitToOnlyLowers() {
        RateLimiter limiter = new RateLimiter(0);

        limiter.limitTo(10);
        assertThat(limiter.permitsPerSecond()).as("a limit where there was none").isEqualTo(10.0);
        limiter.limitTo(20);
        assertThat(limiter.permitsPerSecond()).as("never raised").isEqualTo(10.0);
        limiter.limitTo(10);
        assertThat(limiter.permitsPerSecond()).isEqualTo(10.0);
        limiter.limitTo(2.5);
        assertThat(limiter.permitsPerSecond()).as("lowered").isEqualTo(2.5);
        limiter.limitTo(0);
        limiter.limitTo(-1);
        assertThat(limiter.permitsPerSecond()).as("0 or less changes nothing").isEqualTo(2.5);
    }

    @Test
    void aBurstOfNAtRateRTakesAtLeastNMinusROverRSeconds() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(10);

        long elapsed = millisToAcquire(limiter, 25);

        // (25 - 10) / 10 = 1.5 s
        assertThat(elapsed).isGreaterThanOrEqualTo(1_450);
    }

    @Test
    void loweringTheRateAlsoShrinksTheBurst() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(100);
        limiter.limitTo(5);

        long elapsed = millisToAcquire(limiter, 10);

        // At most 5 permits left after lowering: (10 - 5) / 5 = 1 s. The old 100-permit burst would take no time.
        assertThat(elapsed).isGreaterThanOrEqualTo(950);
    }

    @Test
    void theLimitHoldsAcrossThreads() throws Exception {
        RateLimiter limiter = new RateLimiter(10);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            long start = System.nanoTime();
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> millisToAcquire(limiter, 6)));
            }
            for (Future<Long> result : results) {
                result.get();
            }
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

            // 24 permits at 10/s with a burst of 10: (24 - 10) / 10 = 1.4 s.
            assertThat(elapsed).isGreaterThanOrEqualTo(1_350);
        } finally {
            threads.shutdownNow();
        }
    }
}
