package dev.lucidscim.camel.springboot;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.LucidScimConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's switches and edge cases, each in a small application context: turned off, a reference written
 * without {@code #}, the order of {@code configuration} and the other options, a token that looks like a Camel
 * placeholder, and the properties' {@code toString()}.
 */
class LucidScimStarterSwitchesTest {

    /** Braces as in a Camel placeholder: Spring resolved the value already, nothing may read it again. */
    private static final String TOKEN = "starter-switch-{{token}}-4e7a";

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    LucidScimComponentAutoConfiguration.class));

    private static LucidScimConfiguration component(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean(CamelContext.class).getComponent("lucid-scim", LucidScimComponent.class)
                .getConfiguration();
    }

    @Test
    void aTokenIsTakenLiterally() {
        application.withPropertyValues("camel.component.lucid-scim.bearer-token=" + TOKEN).run(context ->
                assertThat(component(context).getBearerToken()).isEqualTo(TOKEN));
    }

    @Test
    void enabledFalseLeavesTheComponentAlone() {
        application.withPropertyValues("camel.component.lucid-scim.bearer-token=" + TOKEN,
                "camel.component.lucid-scim.enabled=false").run(context ->
                assertThat(component(context).getBearerToken()).isNull());
    }

    @Test
    void customizerEnabledFalseLeavesTheComponentAlone() {
        application.withPropertyValues("camel.component.lucid-scim.bearer-token=" + TOKEN,
                "camel.component.lucid-scim.customizer.enabled=false").run(context ->
                assertThat(component(context).getBearerToken()).isNull());
    }

    @Test
    void aReferenceWithoutTheHashFailsNamingTheProperty() {
        application.withPropertyValues("camel.component.lucid-scim.ssl-context-parameters=lucidTls")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("Expected a bean reference such as #myBean");
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("ssl-context-parameters");
                });
    }

    @Test
    void configurationComesFirstAndTheOtherOptionsOnTop() {
        LucidScimConfiguration shared = new LucidScimConfiguration();
        shared.setPageSize(33);
        shared.setAttributes("id");
        application.withBean("lucidShared", LucidScimConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.lucid-scim.configuration=#bean:lucidShared",
                        "camel.component.lucid-scim.attributes=userName,emails")
                .run(context -> {
                    LucidScimConfiguration configuration = component(context);
                    assertThat(configuration.getPageSize()).as("from the shared configuration").isEqualTo(33);
                    assertThat(configuration.getAttributes()).as("set on top of it").isEqualTo("userName,emails");
                });
    }

    @Test
    void thePropertiesNameTheOptionsSetButNotTheirValues() {
        application.withPropertyValues("camel.component.lucid-scim.bearer-token=" + TOKEN,
                "camel.component.lucid-scim.page-size=20").run(context -> {
                    String shown = context.getBean(LucidScimComponentConfiguration.class).toString();
                    assertThat(shown).contains("bearerToken", "pageSize").doesNotContain("starter-switch", "20");
                });
    }
}
