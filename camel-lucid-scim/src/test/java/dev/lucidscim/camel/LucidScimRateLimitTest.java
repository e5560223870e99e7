package dev.lucidscim.camel;

import java.time.Duration;
import java.util.Map;

import dev.lucidscim.client.BearerToken;
import dev.lucidscim.client.RateLimiter;
import dev.lucidscim.client.TenantUrl;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-side rate limit is one token bucket per tenant and token, shared by every endpoint, allowing bursts of
 * one second's worth: N requests at R per second take at least (N - R) / R seconds. Lower bounds only.
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
        // One bucket: (12 - 5) / 5 = 1.4 s. A bucket per endpoint would allow 6 requests each in 0.2 s.
        assertThat(elapsed).as("ms for 12 requests at 5/s").isGreaterThanOrEqualTo(1_300);
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

        // At most 4 permits in the bucket when timing starts: (10 - 4) / 4 = 1.5 s. At 50/s it would be 0.2 s.
        assertThat(elapsed).as("ms for 10 requests on the 50/s endpoint").isGreaterThanOrEqualTo(1_400);
        lucid.verify(12, getRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")));
    }
}
