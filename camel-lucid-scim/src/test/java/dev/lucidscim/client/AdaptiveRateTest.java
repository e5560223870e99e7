package dev.lucidscim.client;

import dev.lucidscim.camel.LogCapture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The adaptive rate's rule on times given by the test: a 429 leaves 70 % of the rate, once per burst, down to a floor;
 * ten seconds' worth of answers without a 429 add 5 % of the configured rate, up to it; big changes are logged at
 * INFO with the tenant's host.
 */
class AdaptiveRateTest {

    private static final String HOST = "users.lucid.app";

    /** Configured at 40/s, lowered once by a 429 at time 0 (to 28/s). */
    private static AdaptiveRate loweredOnceFrom40() {
        AdaptiveRate rate = new AdaptiveRate(HOST, 40);
        rate.rateLimited(0, 0);
        return rate;
    }

    private static void assertRate(AdaptiveRate rate, double expected) {
        assertThat(rate.rate()).isCloseTo(expected, within(1e-9));
    }

    /** Answers to requests sent at {@code sentAt}, each a success. */
    private static void answer(AdaptiveRate rate, int answers, long sentAt) {
        for (int i = 0; i < answers; i++) {
            rate.answered(sentAt);
        }
    }

    @Test
    void a429LeavesSeventyPercentOnceForRequestsInFlightWhenItCame() {
        AdaptiveRate rate = new AdaptiveRate(HOST, 40);
        assertThat(rate.rate()).as("it starts at the configured rate").isEqualTo(40.0);
        rate.rateLimited(100, 200);
        assertRate(rate, 28);

        // In flight when the first 429 came back: the same burst.
        rate.rateLimited(150, 210);
        rate.rateLimited(199, 220);
        assertRate(rate, 28);

        rate.rateLimited(200, 300);
        assertRate(rate, 19.6);
    }

    @Test
    void itNeverGoesBelowTheFloorOrTheConfiguredRateIfLower() {
        AdaptiveRate fast = new AdaptiveRate(HOST, 10);
        AdaptiveRate slow = new AdaptiveRate(HOST, 0.5);
        for (int i = 1; i <= 20; i++) {
            fast.rateLimited(i * 10L, i * 10L);
            slow.rateLimited(i * 10L, i * 10L);
        }

        assertThat(fast.rate()).isEqualTo(AdaptiveRate.FLOOR);
        assertThat(slow.rate()).isEqualTo(0.5);
    }

    @Test
    void tenSecondsWorthOfAnswersAddFivePercentOfTheConfiguredRate() {
        AdaptiveRate rate = loweredOnceFrom40();

        // 28/s: 280 answers make a step of 2; then 30/s: 300 answers for the next one.
        answer(rate, 279, 1);
        assertRate(rate, 28);
        answer(rate, 1, 1);
        assertRate(rate, 30);
        answer(rate, 299, 1);
        assertRate(rate, 30);
        answer(rate, 1, 1);
        assertRate(rate, 32);
    }

    @Test
    void itRisesBackToTheConfiguredRateAndNoHigher() {
        AdaptiveRate rate = loweredOnceFrom40();

        answer(rate, 100_000, 1);

        assertThat(rate.rate()).isEqualTo(40.0);
    }

    @Test
    void answersToRequestsSentBeforeTheLastDecreaseDoNotRaiseIt() {
        AdaptiveRate rate = loweredOnceFrom40();

        answer(rate, 10_000, -1);

        assertRate(rate, 28);
    }

    @Test
    void aLowerConfiguredRateOfAnotherEndpointBecomesTheCeiling() {
        AdaptiveRate rate = new AdaptiveRate(HOST, 40);

        rate.limitTo(25);
        assertRate(rate, 25);
        rate.rateLimited(0, 0);
        answer(rate, 100_000, 1);
        assertRate(rate, 25);
    }

    @Test
    void decreasesAndTheReturnToTheConfiguredRateAreLoggedSmallStepsAreNot() {
        try (LogCapture log = new LogCapture(Level.INFO, AdaptiveRate.class.getName())) {
            AdaptiveRate rate = loweredOnceFrom40();
            String afterDecrease = log.text();
            answer(rate, 280, 1);
            String afterOneStep = log.text();
            answer(rate, 100_000, 1);

            assertThat(afterDecrease).contains("INFO").contains("Requests to users.lucid.app now paced at 28.0 per "
                                                                + "second after a 429")
                    .contains("requestsPerSecond=40.0");
            assertThat(afterOneStep).as("28 to 30 is no big change").isEqualTo(afterDecrease);
            assertThat(log.text()).contains("paced at 40.0 per second after 10 s worth of answers without a 429")
                    .contains("paced at 34.0 per second");
        }
    }
}
