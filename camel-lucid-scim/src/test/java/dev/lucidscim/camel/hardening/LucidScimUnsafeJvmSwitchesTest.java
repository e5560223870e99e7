package dev.lucidscim.camel.hardening;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.TestTokens;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JVM switches that would print the token (headers logged by the JDK HTTP client or its HTTP/2 header compression,
 * TLS records dumped decrypted) or turn off hostname verification: a route using lucid-scim then refuses to start,
 * and says what to change. The JDK reads these properties once per JVM, so setting them here changes only what the
 * component sees, not what the JDK does.
 */
class LucidScimUnsafeJvmSwitchesTest {

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
    @CsvSource(delimiter = '|', value = {
            "jdk.httpclient.HttpClient.log|headers|the bearer token included|Remove 'headers' and 'all'",
            "jdk.httpclient.HttpClient.log|all|the bearer token included|Remove 'headers' and 'all'",
            "jdk.httpclient.HttpClient.log|errors, Headers|the bearer token included|Remove 'headers' and 'all'",
            "jdk.httpclient.HttpClient.log|requests,ALL|the bearer token included|Remove 'headers' and 'all'",
            "jdk.internal.httpclient.hpack.log.level|NORMAL|HTTP/2 header compression|set it to NONE",
            "jdk.internal.httpclient.hpack.log.level|EXTRA|HTTP/2 header compression|set it to NONE",
            "javax.net.debug|all|decrypted|Remove 'plaintext' and 'all'",
            "javax.net.debug|ssl:record:plaintext|decrypted|Remove 'plaintext' and 'all'",
            "javax.net.debug|ssl,Plaintext|decrypted|Remove 'plaintext' and 'all'",
            "jdk.internal.httpclient.disableHostnameVerification|''|hostname verification|Remove it",
            "jdk.internal.httpclient.disableHostnameVerification|true|hostname verification|Remove it" })
    void switchesThatLeakTheTokenOrSkipHostnameVerificationStopTheRouteFromStarting(String property, String value,
                                                                                   String consequence, String remedy)
            throws Exception {
        withProperty(property, value, () -> {
            CamelContext context = contextWithARoute();
            try {
                assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("-D" + property + "=" + value).hasMessageContaining(consequence)
                        .hasMessageContaining(remedy);
            } finally {
                context.stop();
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdk.httpclient.HttpClient.log|errors,requests,ssl,content,frames,trace",
            "jdk.internal.httpclient.hpack.log.level|NONE",
            "javax.net.debug|ssl:handshake",
            "jdk.internal.httpclient.disableHostnameVerification|false" })
    void harmlessValuesOfTheSameSwitchesAreAccepted(String property, String value) throws Exception {
        withProperty(property, value, () -> Contexts.assertStarts(contextWithARoute()));
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
