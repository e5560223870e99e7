package dev.lucidscim.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.lucidscim.client.RateLimiter.Permit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tenant's pace on a clock of the test's: requests paced one every 1/rate with no burst, the most cautious rate of
 * the endpoints holding, a 429's {@code Retry-After} holding every caller (slots already given cancelled, no caller
 * held past its budget), callers woken late by a pause not let go at once, and the adaptive rate changing the pace.
 * Nothing sleeps: the clock jumps to where the limiter's sleeps end.
 */
class RateLimiterTest {

    private static final long MS = 1_000_000;
    private static final Duration BUDGET = Duration.ofMinutes(2);

    /** What happens while a caller sleeps: other callers, answers, a pause of the JVM. */
    @FunctionalInterface
    private interface Meanwhile {
        void run() throws Exception;
    }

    /**
     * Starts at 0. A sleep runs what the test wants to happen meanwhile, then ends when it was due, or at once if
     * that moved the clock past it.
     */
    private static final class TestClock implements RateLimiter.Clock {
        long now;
        final List<Long> sleeps = new ArrayList<>();
        Meanwhile duringNextSleep;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            sleeps.add(nanos);
            long due = now + nanos;
            Meanwhile meanwhile = duringNextSleep;
            duringNextSleep = null;
            if (meanwhile != null) {
                try {
                    meanwhile.run();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            now = Math.max(now, due);
        }
    }

    private final TestClock clock = new TestClock();

    private RateLimiter limiter(RequestRate rate) {
        return new RateLimiter("users.lucid.app", rate, clock);
    }

    /** When each of {@code permits} acquired in a row was given, in ms. */
    private static List<Long> grantedMillis(RateLimiter limiter, int permits) throws Exception {
        List<Long> granted = new ArrayList<>();
        for (int i = 0; i < permits; i++) {
            granted.add(limiter.acquire(BUDGET).grantedAtNanos() / MS);
        }
        return granted;
    }

    @Test
    void withoutARateOrAHoldPermitsAreGivenAtOnce() throws Exception {
        RateLimiter limiter = limiter(RequestRate.NONE);

        assertThat(grantedMillis(limiter, 1_000)).containsOnly(0L);
        assertThat(clock.sleeps).isEmpty();
        assertThat(limiter.permitsPerSecond()).isZero();
    }

    @Test
    void requestsArePacedOneEveryIntervalWithNoBurstAtStart() throws Exception {
        RateLimiter limiter = limiter(RequestRate.of(25));

        // A bucket with a second's worth would let the first 25 go at once, into a tenant bucket of 5.
        assertThat(grantedMillis(limiter, 6)).containsExactly(0L, 40L, 80L, 120L, 160L, 200L);
    }

    @Test
    void anIdleLimiterLetsTheNextCallerGoAtOnceButSavesNoBurst() throws Exception {
        RateLimiter limiter = limiter(RequestRate.of(10));
        limiter.acquire(BUDGET);
        clock.now += 5_000 * MS;

        assertThat(grantedMillis(limiter, 3)).containsExactly(5_000L, 5_100L, 5_200L);
    }

    @Test
    void callersThatWakeLateTogetherDoNotGoAtOnce() throws Exception {
        RateLimiter limiter = limiter(RequestRate.of(10));
        limiter.acquire(BUDGET);
        Permit[] other = new Permit[1];
        // This caller sleeps until its slot at 100 ms; meanwhile another queues for 200 ms, and the JVM pauses
        // for half a second while they both sleep.
        clock.duringNextSleep = () -> {
            clock.duringNextSleep = () -> clock.now += 500 * MS;
            other[0] = limiter.acquire(BUDGET);
        };

        Permit late = limiter.acquire(BUDGET);

        assertThat(other[0].grantedAtNanos()).isEqualTo(500 * MS);
        assertThat(late.grantedAtNanos()).as("half a slot after the other").isEqualTo(550 * MS);
    }

    @Test
    void theWaitIsReportedAsPacedTime() throws Exception {
        RateLimiter limiter = limiter(RequestRate.of(4));
        limiter.acquire(BUDGET);

        Permit second = limiter.acquire(BUDGET);

        assertThat(second.pacedNanos()).isEqualTo(250 * MS);
        assertThat(second.heldNanos()).isZero();
    }

    @Test
    void theLowestRateHoldsAndAdaptiveWinsWhenEndpointsDisagree() {
        RateLimiter limiter = limiter(RequestRate.NONE);

        limiter.limitTo(RequestRate.of(10));
        assertThat(limiter.permitsPerSecond()).as("a limit where there was none").isEqualTo(10.0);
        limiter.limitTo(RequestRate.of(20));
        assertThat(limiter.permitsPerSecond()).as("never raised").isEqualTo(10.0);
        limiter.limitTo(RequestRate.NONE);
        assertThat(limiter.permitsPerSecond()).as("none changes nothing").isEqualTo(10.0);
        limiter.limitTo(RequestRate.of(2.5));
        assertThat(limiter.permitsPerSecond()).as("lowered").isEqualTo(2.5);
        assertThat(limiter.isAdaptive()).isFalse();

        limiter.limitTo(new RequestRate(40, true));
        assertThat(limiter.isAdaptive()).as("adaptive if any endpoint asks").isTrue();
        assertThat(limiter.configuredPerSecond()).isEqualTo(2.5);
        assertThat(limiter.permitsPerSecond()).isEqualTo(2.5);
        limiter.limitTo(RequestRate.of(30));
        assertThat(limiter.isAdaptive()).as("never made fixed again").isTrue();
    }

    @Test
    void aBadRateIsRefusedSayingWhatToSet() {
        assertThatIllegalArgumentException().isThrownBy(() -> RequestRate.of(-1))
                .withMessageContaining("requestsPerSecond must be 0 (no limit) or a positive number");
        assertThatIllegalArgumentException().isThrownBy(() -> RequestRate.of(Double.NaN))
                .withMessageContaining("requestsPerSecond");
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestRate(0, true))
                .withMessageContaining("adaptiveRate needs requestsPerSecond").withMessageContaining("=25");
    }

    @Test
    void aRetryAfterHoldsEveryCallerThenTheyGoAtThePace() throws Exception {
        RateLimiter limiter = limiter(RequestRate.of(25));
        Permit limited = limiter.acquire(BUDGET);

        limiter.rateLimited(limited, Duration.ofSeconds(2));

        assertThat(grantedMillis(limiter, 3)).containsExactly(2_000L, 2_040L, 2_080L);
    }

    @Test
    void withoutARateHeldCallersAllGoWhenTheHoldEnds() throws Exception {
        RateLimiter limiter = limiter(RequestRate.NONE);
        limiter.rateLimited(limiter.acquire(BUDGET), Duration.ofSeconds(1));

        Permit held = limiter.acquire(BUDGET);

        assertThat(held.grantedAtNanos()).isEqualTo(1_000 * MS);
        assertThat(held.heldNanos()).isEqualTo(1_000 * MS);
        assertThat(grantedMillis(limiter, 3)).containsOnly(1_000L);
    }

    @Test
    void aHoldIsExtendedByALaterRetryAfterAndNeverShortened() throws Exception {
        RateLimiter limiter = limiter(RequestRate.NONE);
        Permit first = limiter.acquire(BUDGET);
        limiter.rateLimited(first, Duration.ofSeconds(3));
        clock.now += 500 * MS;
        limiter.rateLimited(first, Duration.ofSeconds(1));
        assertThat(limiter.acquire(BUDGET).grantedAtNanos()).as("not shortened").isEqualTo(3_000 * MS);

        limiter.rateLimited(first, Duration.ofSeconds(2));
        assertThat(limiter.acquire(BUDGET).grantedAtNanos()).as("extended").isEqualTo(5_000 * MS);
    }

    @Test
    void aSlotGivenBeforeAHoldIsCancelledSoItsCallerWaitsTheHoldOut() throws Exception {
        RateLimiter limiter = limiter(RequestRate.of(25));
        Permit first = limiter.acquire(BUDGET);
        // The second caller sleeps until its slot at 40 ms; meanwhile the first request is answered 429.
        clock.duringNextSleep = () -> limiter.rateLimited(first, Duration.ofSeconds(1));

        Permit second = limiter.acquire(BUDGET);

        assertThat(second.grantedAtNanos()).isEqualTo(1_000 * MS);
        assertThat(second.pacedNanos() + second.heldNanos()).isEqualTo(1_000 * MS);
        assertThat(limiter.acquire(BUDGET).grantedAtNanos()).as("the pace after the hold").isEqualTo(1_040 * MS);
    }

    @Test
    void aCallerThatWouldBeHeldPastItsBudgetIsRefusedAndTakesNoSlot() throws Exception {
        RateLimiter limiter = limiter(RequestRate.of(10));
        limiter.rateLimited(limiter.acquire(BUDGET), Duration.ofSeconds(30));

        assertThatThrownBy(() -> limiter.acquire(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(RateLimiter.HoldTooLongException.class,
                        e -> assertThat(e.remaining()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(clock.sleeps).as("refused without waiting").isEmpty();
        assertThat(limiter.acquire(Duration.ofSeconds(30)).grantedAtNanos()).as("the refused one took no slot")
                .isEqualTo(30_000 * MS);
    }

    @Test
    void aHoldLastsAnHourAtMostAndNoRetryAfterHoldsNothing() throws Exception {
        RateLimiter limiter = limiter(RequestRate.NONE);
        Permit limited = limiter.acquire(BUDGET);

        limiter.rateLimited(limited, null);
        limiter.rateLimited(limited, Duration.ZERO);
        assertThat(limiter.acquire(Duration.ZERO).grantedAtNanos()).isZero();

        limiter.rateLimited(limited, Duration.ofDays(400));
        assertThat(limiter.acquire(Duration.ofDays(1)).grantedAtNanos()).isEqualTo(Duration.ofHours(1).toNanos());
    }

    @Test
    void theAdaptiveRateSetsThePace() throws Exception {
        RateLimiter limiter = limiter(new RequestRate(40, true));
        assertThat(grantedMillis(limiter, 2)).containsExactly(0L, 25L);

        limiter.rateLimited(limiter.acquire(BUDGET), null);

        assertThat(limiter.permitsPerSecond()).isEqualTo(28.0);
        assertThat(limiter.configuredPerSecond()).isEqualTo(40.0);
        // The slot after the 429's was reserved at 40/s (75 ms); the one after it is 1/28 s later.
        assertThat(grantedMillis(limiter, 2)).containsExactly(75L, 110L);
    }

    @Test
    void answersRaiseTheAdaptiveRateServerErrorsDoNot() throws Exception {
        RateLimiter limiter = limiter(new RequestRate(40, true));
        limiter.rateLimited(limiter.acquire(BUDGET), null);

        answer(limiter, 1_000, 503);
        assertThat(limiter.permitsPerSecond()).isEqualTo(28.0);
        // 28/s: 280 answers make a step of 5 % of 40
        answer(limiter, 280, 404);
        assertThat(limiter.permitsPerSecond()).isEqualTo(30.0);
    }

    @Test
    void aFixedRateStaysWhateverLucidAnswers() throws Exception {
        RateLimiter limiter = limiter(RequestRate.of(40));

        limiter.rateLimited(limiter.acquire(BUDGET), null);
        answer(limiter, 1_000, 200);

        assertThat(limiter.permitsPerSecond()).isEqualTo(40.0);
    }

    private static void answer(RateLimiter limiter, int requests, int status) throws Exception {
        for (int i = 0; i < requests; i++) {
            limiter.answered(limiter.acquire(BUDGET), status);
        }
    }

    /** A shared budget that lets a request go every 1/rate on the test clock, and records the rates it was asked. */
    private final class TestBudget implements RateBudget {
        final List<Double> rates = new ArrayList<>();

        @Override
        public long take(String tenant, double perSecond) {
            rates.add(perSecond);
            long wait = (long) (1_000 * MS / perSecond);
            clock.now += wait;
            return wait;
        }
    }

    @Test
    void aSharedBudgetPacesInsteadOfTheSlotsAtTheRateInForce() throws Exception {
        TestBudget budget = new TestBudget();
        RateLimiter limiter = limiter(new RequestRate(40, true, budget));

        assertThat(grantedMillis(limiter, 2)).as("the budget's pace alone").containsExactly(25L, 50L);
        assertThat(clock.sleeps).as("slept for slots").isEmpty();
        Permit limited = limiter.acquire(BUDGET);
        assertThat(limited.pacedNanos()).isEqualTo(25 * MS);
        limiter.rateLimited(limited, null);
        limiter.acquire(BUDGET);

        assertThat(budget.rates).as("the adapted rate passed on").containsExactly(40.0, 40.0, 40.0, 28.0);
    }

    @Test
    void aSharedBudgetNeedsARateAndOneTenantOneBudget() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestRate(0, false, new TestBudget()))
                .withMessageContaining("rateBudget needs requestsPerSecond");
        RateLimiter limiter = limiter(new RequestRate(20, false, new TestBudget()));
        assertThatIllegalArgumentException().isThrownBy(() -> limiter.limitTo(new RequestRate(20, false,
                new TestBudget()))).withMessageContaining("two different rateBudgets");
    }
}
