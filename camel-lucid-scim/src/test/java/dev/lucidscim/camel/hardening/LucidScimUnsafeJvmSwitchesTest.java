package dev.lucidscim.camel.hardening;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.TestTokens;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JVM switches that would print the token (headers logged by the JDK HTTP client or its HTTP/2 header compression,
 * TLS records dumped decrypted) or turn off hostname verification: a route using lucid-scim then refuses to start,
 * and says what to change. The JDK reads these properties once per JVM, so setting them here changes only what the
 * component sees, not what the JDK does.
 */
class LucidScimUnsafeJvmSwitchesTest {

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
        withProperty(PROPERTY, value, action);
    }

    private static void withProperty(String property, String value, ThrowingRunnable action) throws Exception {
        String before = System.getProperty(property);
        System.setProperty(property, value);
        try {
            action.run();
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdk.internal.httpclient.hpack.log.level|NORMAL|HTTP/2 header compression",
            "jdk.internal.httpclient.hpack.log.level|EXTRA|HTTP/2 header compression",
            "javax.net.debug|all|decrypted",
            "javax.net.debug|ssl:record:plaintext|decrypted",
            "javax.net.debug|ssl,Plaintext|decrypted",
            "jdk.internal.httpclient.disableHostnameVerification|''|hostname verification",
            "jdk.internal.httpclient.disableHostnameVerification|true|hostname verification" })
    void switchesThatLeakTheTokenOrSkipHostnameVerificationStopTheRouteFromStarting(String property, String value,
                                                                                   String consequence)
            throws Exception {
        withProperty(property, value, () -> {
            CamelContext context = contextWithARoute();
            try {
                assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("-D" + property + "=" + value).hasMessageContaining(consequence);
            } finally {
                context.stop();
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdk.internal.httpclient.hpack.log.level|NONE",
            "javax.net.debug|ssl:handshake",
            "jdk.internal.httpclient.disableHostnameVerification|false" })
    void harmlessValuesOfTheSameSwitchesAreAccepted(String property, String value) throws Exception {
        withProperty(property, value, () -> {
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
