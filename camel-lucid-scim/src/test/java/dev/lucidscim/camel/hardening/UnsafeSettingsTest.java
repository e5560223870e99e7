package dev.lucidscim.camel.hardening;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.TestTokens;
import dev.lucidscim.error.ScimTransportException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings that would send the token where it must not go are refused when the route starts, before any request,
 * with a message that says what to change and never holds the token: a token with characters no HTTP header may
 * carry, a supplied client that follows redirects, and plain {@code http://} through a proxy.
 */
class UnsafeSettingsTest {

    private static final String LOOPBACK = "http://127.0.0.1:9/scim/v2";

    private static CamelContext context(String tenantUrl, String token, String options, Map<String, Object> beans)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        beans.forEach((name, bean) -> context.getRegistry().bind(name, bean));
        LucidScimComponent component = new LucidScimComponent();
        component.getConfiguration().setTenantUrl(tenantUrl);
        component.getConfiguration().setBearerToken(token);
        component.getConfiguration().setMaxRetries(0);
        context.addComponent("lucid-scim", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("lucid-scim:users?operation=get" + options);
            }
        });
        return context;
    }

    private static void assertRefusedAtStart(CamelContext context, String... messageParts) {
        try {
            assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll(messageParts)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestTokens.COMPONENT));
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u201c", "\n", " ", "\"", "\u00e9", "{", "\u0000" })
    void aTokenWithACharacterNoHeaderMayCarryIsRefusedNamingThePositionNotTheToken(String bad) throws Exception {
        String token = TestTokens.COMPONENT.substring(0, 6) + bad + TestTokens.COMPONENT.substring(6);

        CamelContext context = context(LOOPBACK, token, "", Map.of());

        try {
            assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("position 7 of " + token.length())
                    .hasMessageContaining("RFC 6750")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestTokens.COMPONENT.substring(0, 6),
                            TestTokens.COMPONENT.substring(6)));
        } finally {
            context.stop();
        }
    }

    @Test
    void base64PaddingAndEveryAllowedCharacterAreAccepted() throws Exception {
        Contexts.assertStarts(context(LOOPBACK, "aZ09-._~+/tok==", "", Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "NORMAL", "ALWAYS" })
    void aSuppliedClientThatFollowsRedirectsIsRefused(String redirect) throws Exception {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.valueOf(redirect)).build();

        assertRefusedAtStart(context(LOOPBACK, TestTokens.COMPONENT, "&httpClient=#following",
                Map.of("following", following)), "follows redirects (" + redirect + ")", "Redirect.NEVER");
    }

    @Test
    void aPlainHttpLoopbackTenantBehindAProxyIsRefused() throws Exception {
        assertRefusedAtStart(context(LOOPBACK, TestTokens.COMPONENT, "&proxyHost=proxy.example&proxyPort=3128",
                Map.of()), "plain http:// through a proxy", "allowInsecureHttp");
    }

    @Test
    void aSuppliedClientWithAProxyForAPlainHttpTenantIsRefused() throws Exception {
        HttpClient proxied = HttpClient.newBuilder()
                .proxy(ProxySelector.of(InetSocketAddress.createUnresolved("proxy.example", 3128))).build();

        assertRefusedAtStart(context(LOOPBACK, TestTokens.COMPONENT, "&httpClient=#proxied", Map.of("proxied",
                proxied)), "plain http:// through a proxy");
    }

    @Test
    void aProxyIsAcceptedForHttpsAndWithAllowInsecureHttp() throws Exception {
        Contexts.assertStarts(context("https://users.lucid.app/scim/v2", TestTokens.COMPONENT,
                "&proxyHost=proxy.example", Map.of()));
        Contexts.assertStarts(context(LOOPBACK, TestTokens.COMPONENT,
                "&proxyHost=proxy.example&allowInsecureHttp=true", Map.of()));
    }

    /** What the JDK throws for a header it will not send: its message quotes the header, the token included. */
    @Test
    void anExceptionFromBuildingTheRequestLeavesTheClientTypedAndWithoutTheToken() throws Exception {
        CamelContext context = context(LOOPBACK, TestTokens.COMPONENT, "&httpClient=#refusing",
                Map.of("refusing", new RefusingClient()));
        try {
            context.start();
            Exchange result = context.createProducerTemplate().request("direct:get",
                    exchange -> exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, "lucid-1"));

            assertThat(result.getException()).isInstanceOf(ScimTransportException.class)
                    .hasMessageContaining("could not be built").hasMessageContaining("Bearer ****");
            for (Throwable t = result.getException(); t != null; t = t.getCause()) {
                assertThat(t.toString()).doesNotContain(TestTokens.COMPONENT);
            }
        } finally {
            context.stop();
        }
    }

    /** A client that refuses every request as the JDK refuses an invalid header value. */
    private static final class RefusingClient extends HttpClient {

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            throw new IllegalArgumentException("invalid header value: \""
                                               + request.headers().firstValue("Authorization").orElse("") + "\"");
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                                HttpResponse.BodyHandler<T> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            return null;
        }

        @Override
        public SSLParameters sslParameters() {
            return null;
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }
}
