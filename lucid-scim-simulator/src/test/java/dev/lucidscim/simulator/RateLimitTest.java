package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves: the burst, the refill, Retry-After and the window refusals extend. */
class RateLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void theBurstIsServedAtOnceThenRequestsAreRefusedForAtLeastASecond() {
        RateLimit limit = new RateLimit(25, 5, now::get);

        for (int i = 0; i < 5; i++) {
            assertThat(limit.take()).as("request %d of the burst", i + 1).isEmpty();
        }
        assertThat(limit.take()).hasValue(1);
    }

    @Test
    void theBucketRefillsAtTheRateUpToTheBurst() {
        RateLimit limit = new RateLimit(10, 2, now::get);
        takeAll(limit, 2);

        advanceMillis(100);
        assertThat(limit.take()).as("one token after 100 ms at 10/s").isEmpty();
        assertThat(limit.take()).isPresent();

        advanceMillis(60_000);
        assertThat(limit.take()).isEmpty();
        assertThat(limit.take()).isEmpty();
        assertThat(limit.take()).as("an idle minute still fills only the burst").isPresent();
    }

    @Test
    void eachRefusedRequestExtendsTheWindowByOneTokensTime() {
        RateLimit limit = new RateLimit(1, 1, now::get);
        takeAll(limit, 1);

        assertThat(limit.take()).as("2 s: this refusal's token and the next request's").hasValue(2);
        assertThat(limit.take()).hasValue(3);
        assertThat(limit.take()).hasValue(4);

        advanceMillis(3_900);
        assertThat(limit.take()).as("without the extension this one would be served").hasValue(2);

        advanceMillis(2_000);
        assertThat(limit.take()).as("served once Retry-After is waited out").isEmpty();
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        RateLimit limit = new RateLimit(0.4, 1, now::get);
        takeAll(limit, 1);

        assertThat(limit.take()).as("2 tokens at 0.4/s: 5 s").hasValue(5);
        advanceMillis(4_000);
        assertThat(limit.take()).as("1.4 tokens missing: 3.5 s, said as 4").hasValue(4);
    }

    @Test
    void refillFillsTheBucket() {
        RateLimit limit = new RateLimit(1, 3, now::get);
        takeAll(limit, 3);
        limit.take();

        limit.refill();

        takeAll(limit, 3);
        assertThat(limit.take()).isPresent();
    }

    @Test
    void describesItself() {
        assertThat(new RateLimit(25, 5, now::get).describe()).isEqualTo("25 requests/s with a burst of 5 per token");
        assertThat(new RateLimit(0.5, 1, now::get).describe()).isEqualTo("0.5 requests/s with a burst of 1 per token");
    }

    private static void takeAll(RateLimit limit, int tokens) {
        for (int i = 0; i < tokens; i++) {
            OptionalLong refused = limit.take();
            assertThat(refused).as("token %d", i + 1).isEmpty();
        }
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
