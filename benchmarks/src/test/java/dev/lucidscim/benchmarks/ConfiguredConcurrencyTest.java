package dev.lucidscim.benchmarks;

import dev.lucidscim.camel.LucidScimConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What "in flight" means for a minimum: read from the endpoint, its defaults included. */
class ConfiguredConcurrencyTest {

    @Test
    void writesInFlightAreTheEndpointsReconcileConcurrency() throws Exception {
        try (CamelSide camel = new CamelSide("http://127.0.0.1:9/scim/v2", "token")) {
            assertThat(ConfiguredConcurrency.of(camel.context, "lucid-scim:users?reconcileConcurrency=7")
                    .writesInFlight()).isEqualTo(7);
            assertThat(ConfiguredConcurrency.of(camel.context, "lucid-scim:users?operation=reconcile")
                    .writesInFlight()).isEqualTo(new LucidScimConfiguration().getReconcileConcurrency());
        }
    }

    @Test
    void pagesInFlightAreTheEndpointsOptionOrOneWhereTheComponentReadsPageByPage() throws Exception {
        try (CamelSide camel = new CamelSide("http://127.0.0.1:9/scim/v2", "token")) {
            if (ConfiguredConcurrency.hasOption(camel.context, "pagesInFlight")) {
                assertThat(ConfiguredConcurrency.of(camel.context, "lucid-scim:users?pagesInFlight=3")
                        .pagesInFlight()).isEqualTo(3);
            } else {
                assertThat(ConfiguredConcurrency.of(camel.context, "lucid-scim:users").pagesInFlight()).isOne();
            }
        }
    }

    @Test
    void theComponentsOptionsAreKnownByName() throws Exception {
        try (CamelSide camel = new CamelSide("http://127.0.0.1:9/scim/v2", "token")) {
            assertThat(ConfiguredConcurrency.hasOption(camel.context, "reconcileConcurrency")).isTrue();
            assertThat(ConfiguredConcurrency.hasOption(camel.context, "requestsPerSecond")).isTrue();
            assertThat(ConfiguredConcurrency.hasOption(camel.context, "noSuchOption")).isFalse();
        }
    }
}
