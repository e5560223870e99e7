package dev.lucidscim.examples.support;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LucidTargetRateTest {

    @Test
    void aTenantIsPacedAtTwentyFivePerSecondUnlessTheVariableSaysOtherwise() {
        assertThat(LucidTarget.requestsPerSecond(null, false)).isEqualTo(25);
        assertThat(LucidTarget.requestsPerSecond(" ", false)).isEqualTo(25);
        assertThat(LucidTarget.requestsPerSecond("50", false)).isEqualTo(50);
        assertThat(LucidTarget.requestsPerSecond("0", false)).isZero();
    }

    @Test
    void theEmbeddedSimulatorIsNotPacedUnlessTheVariableAsks() {
        assertThat(LucidTarget.requestsPerSecond(null, true)).isZero();
        assertThat(LucidTarget.requestsPerSecond("12.5", true)).isEqualTo(12.5);
    }

    @Test
    void aRateThatIsNoNumberOrNegativeIsRefusedNamingTheVariable() {
        for (String bad : new String[] { "fast", "-1", "NaN", "Infinity" }) {
            assertThatThrownBy(() -> LucidTarget.requestsPerSecond(bad, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LUCID_SCIM_RATE must be a number of requests per second")
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void theRateGoesToTheComponentOnlyWhenThereIsOne() {
        try (LucidTarget simulated = LucidTarget.simulated(null)) {
            Main main = new Main();
            simulated.configure(main);
            assertThat(main.getInitialProperties())
                    .doesNotContainKey("camel.component.lucid-scim.configuration.requests-per-second");
        }
    }
}
