package dev.lucidscim.camel.hardening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.error.ScimTransportException;
import dev.lucidscim.model.ScimSchemas;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers to a get that would exhaust the heap or hold the thread: bodies over {@code maxResponseSize} (with a
 * Content-Length, chunked without one, error bodies too) and a body trickled slower than {@code readTimeout}. Each
 * fails fast with a typed exception that names the option to change. Malformed bodies: see
 * {@link HostileResponseBodiesTest}.
 */
class HostileResponsesTest extends LucidScimTestSupport {

    private static final int LIMIT = 64 * 1024;
    private static final String USER_PATH = "/scim/v2/Users/lucid-1";
    /** Retries stay on (the support's defaults): what may not be retried must show as a single request. */
    private static final String GET = "lucid-scim:users?operation=get&maxResponseSize=" + LIMIT;

    /** A valid user of exactly this many bytes. */
    private static String userOfSize(int bytes) {
        String head = "{\"schemas\":[\"" + ScimSchemas.CORE_USER + "\"],\"id\":\"lucid-1\","
                      + "\"userName\":\"jane@example.com\",\"x-padding\":\"";
        String tail = "\"}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }

    private Exchange getUser(String uri) {
        return call(uri, null, Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));
    }

    private static void assertTooLarge(Exchange result) {
        assertThat(result.getException()).isExactlyInstanceOf(ScimInvalidResponseException.class)
                .hasMessageContaining("maxResponseSize").hasMessageContaining(LIMIT + " bytes");
        lucid.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        lucid.stubFor(get(USER_PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", SCIM_JSON)
                .withBody(userOfSize(LIMIT))));

        Exchange result = getUser(GET);

        assertThat(result.getException()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = { 200, 500 })
    @Timeout(20)
    void aBodyOverTheLimitFailsAtOnceWithoutRetry(int status) {
        lucid.stubFor(get(USER_PATH).willReturn(aResponse().withStatus(status).withHeader("Content-Type", SCIM_JSON)
                .withBody(userOfSize(1024 * 1024))));

        long start = System.nanoTime();
        Exchange result = getUser(GET);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertTooLarge(result);
    }

    @Test
    void oneByteOverTheLimitIsTooLarge() {
        lucid.stubFor(get(USER_PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", SCIM_JSON)
                .withBody(userOfSize(LIMIT + 1))));

        assertTooLarge(getUser(GET));
    }

    /** No Content-Length to judge by: the limit holds for the bytes as they arrive. */
    @Test
    @Timeout(20)
    void aChunkedBodyOverTheLimitFailsToo() throws Exception {
        lucid.stubFor(get(USER_PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", SCIM_JSON)
                .withBody(userOfSize(1024 * 1024)).withChunkedDribbleDelay(64, 200)));
        HttpResponse<Void> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(lucid.baseUrl() + USER_PATH)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(plain.headers().firstValue("Content-Length")).as("Content-Length of the stub").isEmpty();
        lucid.resetRequests();

        assertTooLarge(getUser(GET));
    }

    /**
     * 200 chunks over 20 s: the headers and each chunk arrive well within the read timeout, the whole body never does.
     */
    @Test
    @Timeout(20)
    void aTrickledBodyIsCutAtTheReadTimeout() {
        lucid.stubFor(get(USER_PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", SCIM_JSON)
                .withBody(userOfSize(4096)).withChunkedDribbleDelay(200, 20_000)));

        long start = System.nanoTime();
        Exchange result = getUser("lucid-scim:users?operation=get&readTimeout=500&maxRetries=0");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.getException()).isExactlyInstanceOf(ScimTransportException.class)
                .hasMessageContaining("read timeout of 500 ms");
        assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
        lucid.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    /** A get is safe to repeat, so a trickle is retried: the read timeout holds for each attempt. */
    @Test
    @Timeout(20)
    void eachRetryOfATrickledBodyIsCutAtTheReadTimeout() {
        lucid.stubFor(get(USER_PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", SCIM_JSON)
                .withBody(userOfSize(4096)).withChunkedDribbleDelay(200, 20_000)));

        long start = System.nanoTime();
        Exchange result = getUser("lucid-scim:users?operation=get&readTimeout=500&maxRetries=2");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.getException()).isExactlyInstanceOf(ScimTransportException.class)
                .hasMessageContaining("read timeout of 500 ms after 3 attempt(s)");
        assertThat(took).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(10));
        lucid.verify(3, getRequestedFor(urlEqualTo(USER_PATH)));
    }
}
