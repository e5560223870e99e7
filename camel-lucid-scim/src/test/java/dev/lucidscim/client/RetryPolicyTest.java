package dev.lucidscim.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Backoff with equal jitter, the retry count and time budget, and reading {@code Retry-After}. */
class RetryPolicyTest {

    private static final int SAMPLES = 500;
    private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    private static final DateTimeFormatter HTTP_DATE
            = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final RetryPolicy policy
            = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1_000), Duration.ofSeconds(60));

    @Test
    void backoffDoublesEachRetryWithinHalfTheStepAndTheStep() {
        long[] steps = { 100, 200, 400, 800, 1_000, 1_000 };
        for (int attempt = 1; attempt <= steps.length; attempt++) {
            long step = steps[attempt - 1];
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < SAMPLES; i++) {
                long delay = policy.backoff(attempt).toMillis();
                min = Math.min(min, delay);
                max = Math.max(max, delay);
            }
            assertThat(min).as("shortest backoff after %d failed attempts", attempt).isGreaterThanOrEqualTo(step / 2);
            assertThat(max).as("longest backoff after %d failed attempts", attempt).isLessThanOrEqualTo(step);
            // Jitter: the delays are spread, not one fixed value.
            assertThat(max - min).as("spread after %d failed attempts", attempt).isGreaterThan(step / 10);
        }
    }

    @Test
    void backoffGrowsFromOneRetryToTheNext() {
        for (int attempt = 1; attempt < 4; attempt++) {
            for (int i = 0; i < SAMPLES; i++) {
                // The next step's lower half is this step's upper bound, so growth holds sample by sample.
                assertThat(policy.backoff(attempt + 1)).isGreaterThanOrEqualTo(policy.backoff(attempt));
            }
        }
    }

    @Test
    void backoffStaysWithinMaxDelayForAnyAttempt() {
        for (int attempt : new int[] { 5, 10, 31, 32, 64, 1_000, Integer.MAX_VALUE }) {
            Duration delay = policy.backoff(attempt);
            assertThat(delay).as("backoff after %d failed attempts", attempt)
                    .isBetween(Duration.ofMillis(500), Duration.ofMillis(1_000));
        }
    }

    @Test
    void zeroDelaysGiveImmediateRetries() {
        RetryPolicy immediate = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1));

        assertThat(immediate.nextDelay(1, null, Duration.ZERO)).contains(Duration.ZERO);
        assertThat(immediate.nextDelay(3, null, Duration.ZERO)).contains(Duration.ZERO);
    }

    @Test
    void nextDelayIsEmptyPastMaxRetries() {
        RetryPolicy three = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMinutes(1));

        assertThat(three.nextDelay(1, null, Duration.ZERO)).isPresent();
        assertThat(three.nextDelay(3, null, Duration.ZERO)).get()
                .satisfies(delay -> assertThat(delay).isBetween(Duration.ofMillis(20), Duration.ofMillis(40)));
        assertThat(three.nextDelay(4, null, Duration.ZERO)).isEmpty();
        assertThat(three.nextDelay(4, Duration.ofMillis(1), Duration.ZERO)).as("even with a Retry-After").isEmpty();
    }

    @Test
    void noRetriesAtAllWithZeroMaxRetries() {
        assertThat(RetryPolicy.NONE.nextDelay(1, null, Duration.ZERO)).isEmpty();
        assertThat(RetryPolicy.NONE.nextDelay(1, Duration.ZERO, Duration.ZERO)).isEmpty();
    }

    @Test
    void nextDelayIsEmptyWhenTheWaitWouldEndPastMaxElapsed() {
        RetryPolicy tenSeconds = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(4),
                Duration.ofSeconds(10));

        assertThat(tenSeconds.nextDelay(1, Duration.ofSeconds(3), Duration.ofSeconds(7))).contains(
                Duration.ofSeconds(3));
        assertThat(tenSeconds.nextDelay(1, Duration.ofSeconds(3), Duration.ofMillis(7_001))).isEmpty();
        assertThat(tenSeconds.nextDelay(1, Duration.ofSeconds(11), Duration.ZERO)).isEmpty();
        // A backoff of at least 1 s (step 2 s) no longer fits 9.5 s into the budget.
        assertThat(tenSeconds.nextDelay(2, null, Duration.ofMillis(9_500))).isEmpty();
        assertThat(tenSeconds.nextDelay(1, null, Duration.ofSeconds(11))).isEmpty();
    }

    @Test
    void retryAfterReplacesTheBackoffEvenBeyondMaxDelay() {
        assertThat(policy.nextDelay(1, Duration.ofSeconds(7), Duration.ZERO)).contains(Duration.ofSeconds(7));
        assertThat(policy.nextDelay(4, Duration.ZERO, Duration.ZERO)).contains(Duration.ZERO);
    }

    /** A Retry-After no wait could honour is a reason to give up, not an ArithmeticException. */
    @Test
    void hugeRetryAfterGivesUpInsteadOfOverflowing() {
        Duration huge = RetryPolicy.parseRetryAfter(Long.toString(Long.MAX_VALUE), NOW);
        assertThat(huge).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));

        Optional<Duration> next = policy.nextDelay(1, huge, Duration.ofMillis(1_500));

        assertThat(next).isEmpty();
    }

    @Test
    void negativeSettingsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, Duration.ZERO)).withMessageContaining("maxRetries");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO));
    }

    // Retry-After

    @Test
    void retryAfterInSeconds() {
        assertThat(RetryPolicy.parseRetryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryPolicy.parseRetryAfter(" 3 ", NOW)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryPolicy.parseRetryAfter("0", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterAsAnHttpDateInTheFuture() {
        assertThat(RetryPolicy.parseRetryAfter(HTTP_DATE.format(NOW.plusSeconds(90)), NOW))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryPolicy.parseRetryAfter("Tue, 04 Mar 2025 05:07:07 GMT", NOW))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void retryAfterAsAnHttpDateInThePastIsZero() {
        assertThat(RetryPolicy.parseRetryAfter(HTTP_DATE.format(NOW.minusSeconds(30)), NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter(HTTP_DATE.format(NOW), NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterInTheObsoleteDateFormsRecipientsMustAccept() {
        // RFC 9110 section 5.6.7: RFC 850 and asctime dates, 60 s after NOW.
        assertThat(RetryPolicy.parseRetryAfter("Tuesday, 04-Mar-25 05:07:07 GMT", NOW))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryPolicy.parseRetryAfter("Tue Mar  4 05:07:07 2025", NOW)).isEqualTo(Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(strings = { "soon", "-5", "1.5", "+3", "12abc", "99999999999999999999", "Tuesday",
            "2025-03-04T05:07:07Z", "Tue, 32 Mar 2025 05:07:07 GMT" })
    void unreadableRetryAfterIsNull(String header) {
        assertThat(RetryPolicy.parseRetryAfter(header, NOW)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   " })
    void absentRetryAfterIsNull(String header) {
        assertThat(RetryPolicy.parseRetryAfter(header, NOW)).isNull();
    }
}
