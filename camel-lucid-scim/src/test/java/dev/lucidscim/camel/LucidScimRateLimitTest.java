package dev.lucidscim.camel;

import java.time.Duration;
import java.util.Map;

import dev.lucidscim.client.BearerToken;
import dev.lucidscim.client.RateBudget;
import dev.lucidscim.client.RateLimiter;
import dev.lucidscim.client.TenantStatistics;
import dev.lucidscim.client.TenantUrl;
import dev.lucidscim.error.ScimRateLimitedException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client-side rate limit is one pace per tenant and token, shared by every endpoint, with no burst: N requests at
 * R per second take at least (N - 1) / R seconds (lower bounds only; the pace itself is {@code RateLimiterTest}'s).
 * Options are checked at start, and a 429's {@code Retry-After} holds the other endpoints of the tenant too.
 */
class LucidScimRateLimitTest extends LucidScimTestSupport {

    private static final String USERS = "lucid-scim:users?operation=get";
    private static final String GROUPS = "lucid-scim:groups?operation=get";

    @BeforeEach
    void stubLucid() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(okForContentType(SCIM_JSON,
                "{\"id\":\"lucid-1\",\"userName\":\"jane@example.com\"}")));
        lucid.stubFor(get("/scim/v2/Groups/lucid-group-1").willReturn(okForContentType(SCIM_JSON,
                "{\"id\":\"lucid-group-1\",\"displayName\":\"Engineering\"}")));
    }

    private Exchange getUser(String uri) {
        Exchange result = call(uri, null, Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));
        assertThat(result.getException()).isNull();
        return result;
    }

    private Exchange getGroup(String uri) {
        Exchange result = call(uri, null, Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-1"));
        assertThat(result.getException()).isNull();
        return result;
    }

    private RateLimiter tenantRateLimiter() {
        LucidScimComponent component = context.getComponent("lucid-scim", LucidScimComponent.class);
        return component.connections().rateLimiterOf(TenantUrl.of(tenantUrl(), false), BearerToken.of(TOKEN));
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }

    @Test
    void theLimitIsSharedByTheEndpointsOfOneTenantAndToken() {
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            getUser(USERS + "&requestsPerSecond=5");
            getGroup(GROUPS + "&requestsPerSecond=5");
        }
        long elapsed = millisSince(start);

        lucid.verify(6, getRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")));
        lucid.verify(6, getRequestedFor(urlEqualTo("/scim/v2/Groups/lucid-group-1")));
        // One pace: (12 - 1) / 5 = 2.2 s. A pace per endpoint would send 6 requests each in 1 s.
        assertThat(elapsed).as("ms for 12 requests at 5/s").isGreaterThanOrEqualTo(2_100);
        assertThat(tenantRateLimiter().permitsPerSecond()).isEqualTo(5.0);
    }

    @Test
    void theLowestConfiguredRateHoldsForEveryEndpoint() {
        getUser(USERS + "&requestsPerSecond=50");
        getGroup(GROUPS + "&requestsPerSecond=4");
        // Started last, with a higher rate: it must not raise the tenant's limit again.
        getUser(USERS + "&requestsPerSecond=100&pageSize=7");
        assertThat(tenantRateLimiter().permitsPerSecond()).isEqualTo(4.0);

        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            getUser(USERS + "&requestsPerSecond=50");
        }
        long elapsed = millisSince(start);

        // (10 - 1) / 4 = 2.25 s. At 50/s it would be 0.2 s.
        assertThat(elapsed).as("ms for 10 requests on the 50/s endpoint").isGreaterThanOrEqualTo(2_150);
        lucid.verify(12, getRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")));
    }

    @Test
    void adaptiveRateOrRateBudgetWithoutRequestsPerSecondIsRefusedAtStartSayingWhatToSet() {
        assertRefusedAtStart(USERS + "&adaptiveRate=true", "adaptiveRate needs requestsPerSecond",
                "requestsPerSecond=25");
        assertRefusedAtStart(USERS + "&requestsPerSecond=-5", "requestsPerSecond must be 0 (no limit) or a positive "
                                                             + "number, not -5.0");
        context.getRegistry().bind("budget", (RateBudget) (tenant, perSecond) -> 0);
        assertRefusedAtStart(USERS + "&rateBudget=#budget", "rateBudget needs requestsPerSecond",
                "requestsPerSecond=25");
        assertNoRequestSent();
    }

    @Test
    void theAdaptiveRateIsTheTenantsWhenAnyEndpointAsksForIt() {
        getUser(USERS + "&requestsPerSecond=30");
        getGroup(GROUPS + "&requestsPerSecond=40&adaptiveRate=true");

        assertThat(tenantRateLimiter().isAdaptive()).isTrue();
        assertThat(tenantRateLimiter().configuredPerSecond()).isEqualTo(30.0);
    }

    @Test
    void a429HoldsTheOtherEndpointsOfTheTenantUntilItsRetryAfter() {
        lucid.stubFor(get("/scim/v2/Groups/lucid-group-1").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "1")));
        call(GROUPS + "&maxRetries=0", null, Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-1"));

        getUser(USERS + "&maxRetries=0");

        TenantStatistics tenant = context.getComponent("lucid-scim", LucidScimComponent.class).connections()
                .statistics().get(0);
        assertThat(tenant.retries()).as("nothing retried: the user's GET was held, not refused").isZero();
        assertThat(tenant.retryAfterWaitNanos()).as("the user's GET waited for the group's Retry-After").isPositive();
        lucid.verify(1, getRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")));
    }

    @Test
    void a429HoldsTheOtherEndpointsAndOneThatWouldWaitPastItsBudgetFailsUnsent() {
        lucid.stubFor(get("/scim/v2/Groups/lucid-group-1").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30")));
        Exchange limited = call(GROUPS + "&maxRetries=0", null, Map.of(LucidScimConstants.RESOURCE_ID,
                "lucid-group-1"));
        assertThat(limited.getException()).isInstanceOf(ScimRateLimitedException.class);

        Exchange held = call(USERS + "&retryMaxElapsed=10s", null, Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));

        ScimRateLimitedException e = held.getException(ScimRateLimitedException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("a 429 to another request asked every request to wait")
                .contains("beyond this request's retry budget (retryMaxElapsed)")
                .contains("GET /Users/lucid-1 was not sent").endsWith("[no request was sent]");
        assertThat(e.getRetryAfter()).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
        lucid.verify(0, getRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")));
    }

    /** The endpoint starts when the started context resolves it, or at the latest when started. */
    private void assertRefusedAtStart(String uri, String... messageParts) {
        assertThatThrownBy(() -> context.getEndpoint(uri).start()).rootCause()
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(messageParts);
    }
}
