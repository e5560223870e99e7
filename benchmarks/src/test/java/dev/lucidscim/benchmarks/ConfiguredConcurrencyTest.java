package dev.lucidscim.benchmarks;

import dev.lucidscim.camel.LucidScimConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What "in flight" means for a minimum: read from the endpoint, its defaults included. */
class ConfiguredConcurrencyTest {

    @Test
    void pagesAndWritesInFlightAreTheEndpointsOptions() throws Exception {
        try (CamelSide camel = new CamelSide("http://127.0.0.1:9/scim/v2", "token")) {
            assertThat(ConfiguredConcurrency.of(camel.context, "lucid-scim:users?pagesInFlight=3&reconcileConcurrency=7"))
                    .isEqualTo(new ConfiguredConcurrency(3, 7));
        }
    }

    @Test
    void withoutOptionsTheyAreTheDefaults() throws Exception {
        LucidScimConfiguration defaults = new LucidScimConfiguration();
        try (CamelSide camel = new CamelSide("http://127.0.0.1:9/scim/v2", "token")) {
            assertThat(ConfiguredConcurrency.of(camel.context, "lucid-scim:users?operation=reconcile"))
                    .isEqualTo(new ConfiguredConcurrency(defaults.getPagesInFlight(),
                            defaults.getReconcileConcurrency()));
        }
    }
}
