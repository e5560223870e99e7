package dev.lucidscim.camel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.lucidscim.error.ScimRateLimitedException;
import dev.lucidscim.error.ScimServerException;
import dev.lucidscim.error.ScimTransportException;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is retried, how long the component waits, and when it gives up, against WireMock scenarios that answer
 * differently in turn. Timing assertions are lower bounds only, except where a test shows the component did not
 * start a wait it could never finish.
 */
class LucidScimRetryTest extends LucidScimTestSupport {

    private static final String USER_PATH = "/scim/v2/Users/lucid-1";
    private static final String USER_JSON = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                                            + "\"id\":\"lucid-1\",\"userName\":\"jane@example.com\","
                                            + "\"emails\":[{\"value\":\"jane@example.com\"}],\"active\":true}";
    /** An HTTP-date (IMF-fixdate) as servers send it. */
    private static final DateTimeFormatter HTTP_DATE
            = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static ScimUser jane() {
        return ScimUser.builder().userName("jane@example.com").email("jane@example.com").build();
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status);
    }

    private static ResponseDefinitionBuilder userAnswer(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", SCIM_JSON).withBody(USER_JSON);
    }

    private Exchange getUser(String uriOptions) {
        return call("lucid-scim:users?operation=get" + uriOptions, null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));
    }

    private Exchange createUser(String uriOptions) {
        return call("lucid-scim:users?operation=create" + uriOptions, jane());
    }

    /**
     * A create through the endpoint's SCIM client: the request executor alone, which never replays a POST that may
     * have reached Lucid (the producer then looks the user up: see the ambiguous-create tests).
     */
    private ScimTransportException clientCreateFailure(String uriOptions) throws Exception {
        LucidScimEndpoint endpoint = context.getEndpoint("lucid-scim:users?operation=create" + uriOptions,
                LucidScimEndpoint.class);
        endpoint.start();
        try {
            endpoint.getClient().users().create(jane());
            throw new AssertionError("the create should have failed");
        } catch (ScimTransportException e) {
            assertThat(e.getMessage()).doesNotContain(TOKEN);
            return e;
        }
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }

    // 429 and 503

    @Test
    void tooManyRequestsThenCreatedWaitsForRetryAfterSeconds() {
        answerInTurn(() -> post("/scim/v2/Users"),
                status(429).withHeader("Retry-After", "1"),
                userAnswer(201));

        long start = System.nanoTime();
        Exchange result = createUser("");
        long elapsed = millisSince(start);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(ScimUser.class).id()).isEqualTo("lucid-1");
        assertThat(result.getMessage().getHeader(LucidScimConstants.STATUS_CODE)).isEqualTo(201);
        lucid.verify(2, postRequestedFor(urlEqualTo("/scim/v2/Users")));
        // The configured backoff is at most 40 ms: only Retry-After explains a wait of a second.
        assertThat(elapsed).as("ms waited").isGreaterThanOrEqualTo(950);
    }

    @Test
    void tooManyRequestsWithAnHttpDateWaitsUntilThatDate() {
        long start = System.nanoTime();
        Instant retryAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS); // 1 to 2 s from now
        answerInTurn(() -> get(USER_PATH),
                status(429).withHeader("Retry-After", HTTP_DATE.format(retryAt)),
                userAnswer(200));

        Exchange result = getUser("");
        long elapsed = millisSince(start);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(ScimUser.class).userName()).isEqualTo("jane@example.com");
        lucid.verify(2, getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(elapsed).as("ms waited").isGreaterThanOrEqualTo(900);
    }

    @Test
    void tooManyRequestsWithAnHttpDateInThePastIsRetriedAtOnce() {
        answerInTurn(() -> get(USER_PATH),
                status(429).withHeader("Retry-After", HTTP_DATE.format(Instant.now().minusSeconds(3600))),
                userAnswer(200));

        Exchange result = getUser("");

        assertThat(result.getException()).isNull();
        lucid.verify(2, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "get", "create" })
    void serviceUnavailableWithoutRetryAfterIsRetriedWithBackoff(String operation) {
        if (operation.equals("get")) {
            answerInTurn(() -> get(USER_PATH), status(503), status(503), userAnswer(200));
        } else {
            answerInTurn(() -> post("/scim/v2/Users"), status(503), status(503), userAnswer(201));
        }

        Exchange result = operation.equals("get") ? getUser("") : createUser("");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(ScimUser.class).id()).isEqualTo("lucid-1");
        assertThat(lucid.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
    }

    @Test
    void rateLimitedGivesUpAfterMaxRetries() {
        lucid.stubFor(get(USER_PATH).willReturn(status(429).withHeader("Retry-After", "0")));

        ScimRateLimitedException e = failure(getUser("&maxRetries=3"), ScimRateLimitedException.class);

        lucid.verify(4, getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(e.getStatus()).isEqualTo(429);
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ZERO);
        assertThat(e.getMessage()).contains("rate limiting").contains("after 4 attempt(s)")
                .contains("requestsPerSecond").endsWith("[GET /Users/lucid-1 -> HTTP 429]");
    }

    @Test
    void serviceUnavailableGivesUpAfterMaxRetries() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(status(503)));

        ScimServerException e = failure(createUser("&maxRetries=2"), ScimServerException.class);

        lucid.verify(3, postRequestedFor(urlEqualTo("/scim/v2/Users")));
        assertThat(e.getStatus()).isEqualTo(503);
        assertThat(e.getMessage()).contains("failed to handle the request 3 times")
                .endsWith("[POST /Users -> HTTP 503]");
    }

    @Test
    void maxRetriesZeroTurnsRetryingOff() {
        lucid.stubFor(get(USER_PATH).willReturn(status(503)));

        ScimServerException e = failure(getUser("&maxRetries=0"), ScimServerException.class);

        lucid.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(e.getMessage()).doesNotContain("times");
    }

    @Test
    void retryAfterLongerThanRetryMaxElapsedFailsFast() {
        lucid.stubFor(get(USER_PATH).willReturn(status(429).withHeader("Retry-After", "120")));

        long start = System.nanoTime();
        ScimRateLimitedException e = failure(getUser("&retryMaxElapsed=2s"), ScimRateLimitedException.class);
        long elapsed = millisSince(start);

        lucid.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(e.getMessage()).contains("after 1 attempt(s)");
        // Not an upper bound on a wait: the 120 s wait must not be started at all.
        assertThat(elapsed).as("ms before giving up").isLessThan(60_000);
    }

    /**
     * A Retry-After no wait could honour (Long.MAX_VALUE seconds) is a reason to give up, not to crash: here it comes
     * on the second answer, when more than a second has passed since the first attempt.
     */
    @Test
    void absurdRetryAfterGivesUpWithRateLimited() {
        answerInTurn(() -> get(USER_PATH),
                status(429).withHeader("Retry-After", "1"),
                status(429).withHeader("Retry-After", "9223372036854775807"));

        Exchange result = getUser("");

        assertThat(result.getException()).isInstanceOf(ScimRateLimitedException.class);
        assertThat(((ScimRateLimitedException) result.getException()).getMessage()).contains("after 2 attempt(s)");
        lucid.verify(2, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    // 502 and 504

    @ParameterizedTest
    @ValueSource(ints = { 502, 504 })
    void gatewayErrorsAreRetriedForGet(int status) {
        answerInTurn(() -> get(USER_PATH), status(status), userAnswer(200));

        Exchange result = getUser("");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(ScimUser.class).id()).isEqualTo("lucid-1");
        lucid.verify(2, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 502, 504 })
    void gatewayErrorsAreNotRetriedForPost(int status) {
        answerInTurn(() -> post("/scim/v2/Users"), status(status), userAnswer(201));

        ScimServerException e = failure(createUser(""), ScimServerException.class);

        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Users")));
        assertThat(e.getStatus()).isEqualTo(status);
        assertThat(e.getRequest().method()).isEqualTo("POST");
    }

    // I/O failures

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE" })
    void ioFaultOnGetIsRetried(Fault fault) {
        // Two faults in a row: more than the JDK HttpClient's own single resend can absorb, so the component must
        // retry.
        answerInTurn(() -> get(USER_PATH), aResponse().withFault(fault), aResponse().withFault(fault),
                userAnswer(200));

        Exchange result = getUser("");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(ScimUser.class).id()).isEqualTo("lucid-1");
        lucid.verify(3, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE" })
    void ioFaultOnGetGivesUpAfterMaxRetries(Fault fault) {
        lucid.stubFor(get(USER_PATH).willReturn(aResponse().withFault(fault)));

        ScimTransportException e = failure(getUser("&maxRetries=2"), ScimTransportException.class);

        assertThat(e.mayHaveReachedServer()).isTrue();
        assertThat(e.getStatus()).isZero();
        assertThat(e.getRequest().method()).isEqualTo("GET");
        assertThat(e.getRequest().path()).isEqualTo("/Users/lucid-1");
        assertThat(e.getMessage()).contains("after 3 attempt(s)");
        // 3 attempts of the component; the JDK HttpClient itself resends an idempotent request once when the
        // connection fails, so the wire may see up to twice as many.
        assertThat(lucid.findAll(getRequestedFor(urlEqualTo(USER_PATH)))).hasSizeBetween(3, 6);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE" })
    void ioFaultOnPostIsNotReplayed(Fault fault) throws Exception {
        answerInTurn(() -> post("/scim/v2/Users"), aResponse().withFault(fault), userAnswer(201));

        ScimTransportException e = clientCreateFailure("");

        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Users")));
        assertThat(e.mayHaveReachedServer()).isTrue();
        assertThat(e.getStatus()).isZero();
        assertThat(e.getRequest().method()).isEqualTo("POST");
        assertThat(e.getRequest().path()).isEqualTo("/Users");
        assertThat(e.getMessage()).contains("Lucid may have applied it").contains("not replayed")
                .contains("look the resource up");
    }

    @ParameterizedTest
    @ValueSource(strings = { "get", "create" })
    void connectionRefusedIsRetriedAndNeverReachedTheServer(String operation) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        // Backoff steps 200 and 400 ms with equal jitter: at least 100 + 200 ms of waiting for 2 retries.
        String options = "&maxRetries=2&retryInitialDelay=200&retryMaxDelay=1000&tenantUrl=http://127.0.0.1:"
                         + closedPort + "/scim/v2";

        long start = System.nanoTime();
        Exchange result = operation.equals("get") ? getUser(options) : createUser(options);
        long elapsed = millisSince(start);

        ScimTransportException e = failure(result, ScimTransportException.class);
        assertThat(e.mayHaveReachedServer()).isFalse();
        assertThat(e.getStatus()).isZero();
        assertThat(e.getMessage()).contains("Could not connect to http://127.0.0.1:" + closedPort + "/scim/v2")
                .contains("after 3 attempt(s)").contains("check tenantUrl");
        assertThat(elapsed).as("ms spent retrying").isGreaterThanOrEqualTo(300);
        assertNoRequestSent();
    }

    @Test
    void readTimeoutOnGetIsRetriedThenFails() {
        lucid.stubFor(get(USER_PATH).willReturn(userAnswer(200).withFixedDelay(1_500)));

        long start = System.nanoTime();
        ScimTransportException e = failure(getUser("&readTimeout=300&maxRetries=2"), ScimTransportException.class);
        long elapsed = millisSince(start);

        assertThat(e.mayHaveReachedServer()).isTrue();
        assertThat(e.getRequest().method()).isEqualTo("GET");
        assertThat(e.getMessage()).contains("read timeout of 300 ms").contains("after 3 attempt(s)")
                .contains("raise readTimeout");
        assertThat(elapsed).as("ms for three timed-out attempts").isGreaterThanOrEqualTo(850);
        lucid.verify(3, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void readTimeoutOnPostIsNotReplayed() throws Exception {
        lucid.stubFor(post("/scim/v2/Users").willReturn(userAnswer(201).withFixedDelay(1_500)));

        ScimTransportException e = clientCreateFailure("&readTimeout=300");

        assertThat(e.mayHaveReachedServer()).isTrue();
        assertThat(e.getMessage()).contains("not replayed");
        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Users")));
    }

    private static <E extends Exception> E failure(Exchange result, Class<E> type) {
        assertThat(result.getException()).as("exception of the exchange").isExactlyInstanceOf(type);
        assertThat(result.getException().getMessage()).doesNotContain(TOKEN);
        return type.cast(result.getException());
    }
}
