package dev.lucidscim.camel.hardening;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.lucidscim.camel.ConsumerHealthChecks;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The misbehaving "standard SCIM servers" of {@code InconsistentListingTest}, met by routes: a poll reaches the
 * route's error handler and the consumer's health check, reconcile and search fail with
 * {@link ScimInvalidResponseException} (reconcile writing nothing), and a server whose pages only look doubtful is
 * read page by page to a complete result.
 */
class InconsistentListingRouteTest extends LucidScimTestSupport {

    private static final String USERS = "/scim/v2/Users";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ConsumerHealthChecks.register(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(ScimInvalidResponseException.class).handled(true).to("mock:errors");
                from("lucid-scim:users?startScheduler=false&bridgeErrorHandler=true&delay=60s&pageSize=20")
                        .routeId("feed").to("mock:changes");
            }
        };
    }

    private static String page(Integer totalResults, int startIndex, int... users) {
        return "{\"totalResults\":" + totalResults + ",\"startIndex\":" + startIndex + ",\"Resources\":["
               + IntStream.of(users).mapToObj(n -> "{\"id\":\"lucid-" + n + "\",\"userName\":\"person" + n
                                                   + "@example.com\",\"active\":true}")
                       .collect(Collectors.joining(",")) + "]}";
    }

    /** The server seen in the field: 260 users announced, and page one (20 of them) for every startIndex. */
    private static void everyPageIsPageOne() {
        lucid.stubFor(get(urlPathEqualTo(USERS)).willReturn(okForContentType(SCIM_JSON,
                page(260, 1, IntStream.rangeClosed(1, 20).toArray()))));
    }

    @Test
    void aPollReachesTheErrorHandlerAndHealthAndReportsNoRemoval() throws Exception {
        everyPageIsPageOne();
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(1);
        MockEndpoint changes = getMockEndpoint("mock:changes");
        changes.expectedMessageCount(20);

        ((LucidScimConsumer) context.getRoute("feed").getConsumer()).run();

        errors.assertIsSatisfied();
        changes.assertIsSatisfied();
        assertThat(errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(ScimInvalidResponseException.class)
                .hasMessageContaining("asked at startIndex=21 with startIndex=1");
        assertThat(changes.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(
                LucidScimConstants.CHANGE_TYPE)).containsOnly("created");
        HealthCheck.Result result = ConsumerHealthChecks.of(context, "feed").orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 200);
    }

    @Test
    void reconcileFailsAndWritesNothing() {
        everyPageIsPageOne();
        List<ScimUser> roster = List.of(ScimUser.builder().userName("new@example.com").email("new@example.com")
                .build());

        Exchange result = call("lucid-scim:users?operation=reconcile&pageSize=20", roster);

        assertThat(result.getException()).isInstanceOf(ScimInvalidResponseException.class)
                .hasMessageContaining("startIndex=21");
        assertThat(lucid.getAllServeEvents()).allSatisfy(event ->
                assertThat(event.getRequest().getMethod().getName()).isEqualTo("GET"));
    }

    @Test
    void searchOfMoreThanTotalResultsFails() {
        answer(1, page(3, 1, 1, 2));
        answer(3, page(3, 3, 3, 4));

        Exchange result = call("lucid-scim:users?operation=search&pageSize=2", null);

        assertThat(result.getException()).isInstanceOf(ScimInvalidResponseException.class)
                .hasMessageContaining("more than totalResults=3");
    }

    @Test
    void searchOfAServerWithShortPagesFallsBackAndReturnsEveryoneOnce() {
        answer(1, page(5, 1, 1, 2));
        answer(3, page(5, 3, 3));
        answer(4, page(5, 4, 4, 5));
        answer(5, page(5, 5, 5));

        Exchange result = call("lucid-scim:users?operation=search&pageSize=2", null);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).extracting(user -> ((ScimUser) user).id())
                .containsExactly("lucid-1", "lucid-2", "lucid-3", "lucid-4", "lucid-5");
        assertThat(result.getMessage().getHeader(LucidScimConstants.TOTAL_RESULTS)).isEqualTo(5);
    }

    @Test
    void pagesInFlightBelowOneFailsAtStartBeforeAnyRequest() {
        assertThatThrownBy(() -> call("lucid-scim:users?operation=search&pagesInFlight=0", null))
                .hasMessageContaining("pagesInFlight must be 1 or more");
        assertThat(lucid.findAll(getRequestedFor(urlPathEqualTo(USERS)))).isEmpty();
    }

    private static void answer(int askedStartIndex, String page) {
        lucid.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("startIndex", equalTo(String.valueOf(askedStartIndex)))
                .willReturn(okForContentType(SCIM_JSON, page)));
    }
}
