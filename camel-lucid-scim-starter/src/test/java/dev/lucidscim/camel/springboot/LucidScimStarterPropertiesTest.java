package dev.lucidscim.camel.springboot;

import java.time.Duration;

import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.audit.MemoryAuditLedger;
import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimConsumerMode;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.springboot.app.StarterTestApplication;
import dev.lucidscim.client.RateBudget;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of property, set in Spring Boot's way ({@code application.yaml}, relaxed names), reaches the component
 * Camel creates: strings, the secret token, whole and decimal numbers, durations with and without a unit, booleans,
 * enums in any case, and a bean reference.
 */
@SpringBootTest(classes = {StarterTestApplication.class, LucidScimStarterPropertiesTest.Beans.class}, properties = {
        "camel.component.lucid-scim.tenant-url=https://acme.users.lucidgov.app/scim/v2",
        "camel.component.lucid-scim.bearer-token=starter-test-token-9f2c",
        "camel.component.lucid-scim.page-size=50",
        "camel.component.lucid-scim.max-response-size=1048576",
        "camel.component.lucid-scim.requests-per-second=2.5",
        "camel.component.lucid-scim.read-timeout=45s",
        "camel.component.lucid-scim.connect-timeout=1500",
        "camel.component.lucid-scim.retry-max-elapsed=PT3M",
        "camel.component.lucid-scim.dry-run=true",
        "camel.component.lucid-scim.allow-hard-delete=true",
        "camel.component.lucid-scim.match-attribute=external-id",
        "camel.component.lucid-scim.mode=ALL",
        "camel.component.lucid-scim.state-repository=#lucidState",
        "camel.component.lucid-scim.rate-budget=#lucidBudget",
        "camel.component.lucid-scim.audit-ledger=#lucidLedger",
        "camel.component.lucid-scim.proxy-port=3128"
})
class LucidScimStarterPropertiesTest {

    @TestConfiguration
    static class Beans {
        @Bean
        StateRepository<String, String> lucidState() {
            return new MemoryStateRepository();
        }

        @Bean
        RateBudget lucidBudget() {
            return (tenant, perSecond) -> 0;
        }

        @Bean
        AuditLedger lucidLedger() {
            return new MemoryAuditLedger();
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    StateRepository<String, String> lucidState;
    @Autowired
    RateBudget lucidBudget;
    @Autowired
    AuditLedger lucidLedger;

    @Test
    void everyKindOfPropertyReachesTheComponent() {
        LucidScimConfiguration configuration = camelContext.getComponent("lucid-scim", LucidScimComponent.class)
                .getConfiguration();

        assertThat(configuration.getTenantUrl()).isEqualTo("https://acme.users.lucidgov.app/scim/v2");
        assertThat(configuration.getBearerToken()).isEqualTo("starter-test-token-9f2c");
        assertThat(configuration.getPageSize()).isEqualTo(50);
        assertThat(configuration.getMaxResponseSize()).isEqualTo(1_048_576L);
        assertThat(configuration.getRequestsPerSecond()).isEqualTo(2.5);
        assertThat(configuration.getReadTimeout()).isEqualTo(Duration.ofSeconds(45).toMillis());
        assertThat(configuration.getConnectTimeout()).as("a number alone counts milliseconds").isEqualTo(1_500);
        assertThat(configuration.getRetryMaxElapsed()).isEqualTo(Duration.ofMinutes(3).toMillis());
        assertThat(configuration.isDryRun()).isTrue();
        assertThat(configuration.isAllowHardDelete()).isTrue();
        assertThat(configuration.getMatchAttribute()).isEqualTo(LucidScimMatchAttribute.EXTERNAL_ID);
        assertThat(configuration.getMode()).isEqualTo(LucidScimConsumerMode.ALL);
        assertThat(configuration.getStateRepository()).isSameAs(lucidState);
        assertThat(configuration.getRateBudget()).isSameAs(lucidBudget);
        assertThat(configuration.getAuditLedger()).isSameAs(lucidLedger);
        assertThat(configuration.getProxyPort()).isEqualTo(3128);
    }

    @Test
    void unsetPropertiesKeepTheComponentDefaults() {
        LucidScimConfiguration configuration = camelContext.getComponent("lucid-scim", LucidScimComponent.class)
                .getConfiguration();
        LucidScimConfiguration defaults = new LucidScimConfiguration();

        assertThat(configuration.getMaxRetries()).isEqualTo(defaults.getMaxRetries());
        assertThat(configuration.getRetryInitialDelay()).isEqualTo(defaults.getRetryInitialDelay());
        assertThat(configuration.getMaxConnections()).isEqualTo(defaults.getMaxConnections());
        assertThat(configuration.getManagedUsers()).isEqualTo(defaults.getManagedUsers());
        assertThat(configuration.isAllowInsecureHttp()).isFalse();
    }
}
