package dev.lucidscim.camel.hardening;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Servers whose pages never end: the same page whatever {@code startIndex} asks (a standard SCIM server was seen
 * doing this), or new ids forever behind a huge {@code totalResults}. Search, the consumer and reconcile share one
 * paging loop, so each must end with {@link ScimInvalidResponseException} after a bounded number of requests, and
 * never pass a partial listing off as complete. With a total, the first page is followed by up to
 * {@value #PAGES_IN_FLIGHT} pages at once (pagesInFlight's default; those behind a doubtful one may be stopped before
 * they are sent), and the doubtful one is asked for again page by page before the listing fails.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the guard, a listing never ends
class EndlessPagingTest extends LucidScimTestSupport {

    private static final String USERS = "/scim/v2/Users";
    private static final int PAGES_IN_FLIGHT = 4;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lucid-scim:users?delay=60000&initialDelay=0&pageSize=2")
                        .routeId("feed").autoStartup(false).to("mock:changes");
            }
        };
    }

    private static String user(String id) {
        return "{\"id\":\"" + id + "\",\"userName\":\"" + id + "@example.com\",\"active\":true}";
    }

    private static void everyPageIsPageOne(Integer totalResults) {
        lucid.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON)
                .withBody("{" + (totalResults == null ? "" : "\"totalResults\":" + totalResults + ",")
                          + "\"Resources\":[" + user("u-1") + "," + user("u-2") + "]}")));
    }

    /** Two new ids on every page, whatever was asked, behind a total of two billion. */
    private static void newIdsForever() {
        lucid.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON).withTransformers("response-template")
                .withBody("{\"Resources\":[" + user("a{{request.query.startIndex}}") + ","
                          + user("b{{request.query.startIndex}}") + "]}")));
    }

    private static int listingRequests() {
        return lucid.findAll(getRequestedFor(urlPathEqualTo(USERS))).size();
    }

    @Test
    void aSearchAnsweredWithPageOneForEveryStartIndexFailsOnTheSecondPage() {
        everyPageIsPageOne(260);

        Exchange result = call("lucid-scim:users?operation=search&pageSize=2", null);

        assertThat(result.getException()).isInstanceOf(ScimInvalidResponseException.class)
                .hasMessageContaining("startIndex=3").hasMessageContaining("after 2 of 260");
        assertThat(listingRequests()).isBetween(3, 1 + PAGES_IN_FLIGHT + 1);
    }

    @Test
    void aSearchWithoutTotalResultsFailsTheSameWay() {
        everyPageIsPageOne(null);

        Exchange result = call("lucid-scim:users?operation=search&pageSize=2", null);

        assertThat(result.getException()).isInstanceOf(ScimInvalidResponseException.class)
                .hasMessageContaining("does not advance");
    }

    @Test
    void aTotalBeyondTheLimitFailsOnTheFirstPage() {
        everyPageIsPageOne(2_000_000_000);

        Exchange result = call("lucid-scim:users?operation=search&pageSize=2", null);

        assertThat(result.getException()).isInstanceOf(ScimInvalidResponseException.class)
                .hasMessageContaining("2000000000").hasMessageContaining("maxListingSize (1000000)");
        assertThat(listingRequests()).isEqualTo(1);
    }

    @Test
    void newIdsForeverStopAtMaxListingSize() {
        newIdsForever();

        Exchange result = call("lucid-scim:users?operation=search&pageSize=2&maxListingSize=50", null);

        assertThat(result.getException()).isInstanceOf(ScimInvalidResponseException.class)
                .hasMessageContaining("passed maxListingSize (50)");
        assertThat(listingRequests()).isEqualTo(26);
    }

    /** Two pages that add up to the total and repeat one resource leave another one out: not a complete listing. */
    @Test
    void aResourceListedTwiceWhileTheTotalStaysFailsTheListing() {
        lucid.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("startIndex",
                equalTo("1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON)
                .withBody("{\"totalResults\":4,\"Resources\":[" + user("u-1") + "," + user("u-2") + "]}")));
        lucid.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("startIndex",
                equalTo("3")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON)
                .withBody("{\"totalResults\":4,\"Resources\":[" + user("u-2") + "," + user("u-3") + "]}")));

        Exchange result = call("lucid-scim:users?operation=search&pageSize=2", null);

        assertThat(result.getException()).isInstanceOf(ScimInvalidResponseException.class)
                .hasMessageContaining("startIndex=3").hasMessageContaining("while totalResults stayed 4");
    }

    @Test
    void aPollOfAServerThatDoesNotAdvanceFailsAndReportsNoRemoval() throws Exception {
        everyPageIsPageOne(260);
        MockEndpoint changes = getMockEndpoint("mock:changes");
        changes.expectedMessageCount(2);
        changes.setAssertPeriod(1_000);

        context.getRouteController().startRoute("feed");

        changes.assertIsSatisfied();
        await().atMost(5, TimeUnit.SECONDS).until(() -> listingRequests() >= 3);
        context.getRouteController().stopRoute("feed");
        assertThat(changes.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader("CamelLucidScimChangeType"))
                .containsOnly("created");
        assertThat(listingRequests()).as("the listing stopped at the repeat").isBetween(3, 1 + PAGES_IN_FLIGHT + 1);
        assertThat(lucid.findAll(anyRequestedFor(urlPathEqualTo("/scim/v2/Users/u-1")))).isEmpty();
    }

    @Test
    void reconcileAgainstAServerThatDoesNotAdvanceWritesNothing() {
        everyPageIsPageOne(260);
        List<ScimUser> roster = List.of(ScimUser.builder().userName("new@example.com").email("new@example.com")
                .build());

        Exchange result = call("lucid-scim:users?operation=reconcile&pageSize=2", roster);

        assertThat(result.getException()).isInstanceOf(ScimInvalidResponseException.class);
        assertThat(lucid.getAllServeEvents()).allSatisfy(event ->
                assertThat(event.getRequest().getMethod().getName()).isEqualTo("GET"));
    }
}
