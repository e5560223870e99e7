package dev.lucidscim.camel.hardening;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.TestTokens;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Told to log headers, the JDK HTTP client would log the Authorization header: a route using lucid-scim then refuses
 * to start, and says what to change. The JDK reads the property once per JVM, so setting it here changes only what
 * the component sees, not what the client logs.
 */
class LucidScimHeaderLoggingTest {

    private static final String PROPERTY = "jdk.httpclient.HttpClient.log";

    private static CamelContext contextWithARoute() throws Exception {
        CamelContext context = new DefaultCamelContext();
        LucidScimComponent component = new LucidScimComponent();
        component.getConfiguration().setTenantUrl("https://users.lucid.app/scim/v2");
        component.getConfiguration().setBearerToken(TestTokens.COMPONENT);
        context.addComponent("lucid-scim", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:provision").to("lucid-scim:users?operation=upsert");
            }
        });
        return context;
    }

    private static void withProperty(String value, ThrowingRunnable action) throws Exception {
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, value);
        try {
            action.run();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "headers", "all", "errors, Headers", "requests,ALL" })
    void headerLoggingStopsTheRouteFromStarting(String levels) throws Exception {
        withProperty(levels, () -> {
            CamelContext context = contextWithARoute();
            try {
                assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("-D" + PROPERTY + "=" + levels)
                        .hasMessageContaining("the bearer token included")
                        .hasMessageContaining("Remove 'headers' and 'all'");
            } finally {
                context.stop();
            }
        });
    }

    @Test
    void safeLevelsAreAccepted() throws Exception {
        withProperty("errors,requests,ssl,content,frames,trace", () -> {
            CamelContext context = contextWithARoute();
            try {
                context.start();
                assertThat(context.isStarted()).isTrue();
            } finally {
                context.stop();
            }
        });
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
