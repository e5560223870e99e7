package dev.lucidscim.camel.springboot;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.springboot.app.StarterTestApplication;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that defines its own lucid-scim component bean and sets only a few properties: the properties it
 * sets are applied, everything the bean was given and no property names is left as the bean had it.
 */
@SpringBootTest(classes = {StarterTestApplication.class, LucidScimStarterUserComponentTest.OwnComponent.class},
        properties = {
                "camel.component.lucid-scim.bearer-token=starter-user-bean-token-51ab",
                "camel.component.lucid-scim.max-retries=2"
        })
class LucidScimStarterUserComponentTest {

    @TestConfiguration
    static class OwnComponent {
        @Bean("lucid-scim")
        LucidScimComponent lucidScim() {
            LucidScimComponent component = new LucidScimComponent();
            LucidScimConfiguration configuration = component.getConfiguration();
            configuration.setTenantUrl("https://example.users.lucidgov.app/scim/v2");
            configuration.setPageSize(25);
            configuration.setReadTimeout(7_000);
            configuration.setMaxRetries(9);
            configuration.setDryRun(true);
            return component;
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    LucidScimComponent ownComponent;

    @Test
    void unsetPropertiesLeaveTheBeanAsDefined() {
        LucidScimComponent component = camelContext.getComponent("lucid-scim", LucidScimComponent.class);
        LucidScimConfiguration configuration = component.getConfiguration();

        assertThat(component).isSameAs(ownComponent);
        assertThat(configuration.getTenantUrl()).isEqualTo("https://example.users.lucidgov.app/scim/v2");
        assertThat(configuration.getPageSize()).isEqualTo(25);
        assertThat(configuration.getReadTimeout()).isEqualTo(7_000);
        assertThat(configuration.isDryRun()).isTrue();
    }

    @Test
    void setPropertiesAreApplied() {
        LucidScimConfiguration configuration = camelContext.getComponent("lucid-scim", LucidScimComponent.class)
                .getConfiguration();

        assertThat(configuration.getBearerToken()).isEqualTo("starter-user-bean-token-51ab");
        assertThat(configuration.getMaxRetries()).isEqualTo(2);
    }
}
