package dev.lucidscim.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.lucidscim.camel.LogCapture;
import dev.lucidscim.camel.TestTokens;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.model.ScimUser;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * "Standard SCIM servers" that page wrongly, read through the client with pages fetched ahead (pagesInFlight 4):
 * each either falls back to page by page and lists every resource once, or fails with
 * {@link ScimInvalidResponseException} saying what was wrong on which page, never with a repeat or a silent gap.
 * What the listing handed on before a failure is checked too: no resource twice, nothing from a doubtful page.
 */
class InconsistentListingTest {

    private static final String USERS = "/scim/v2/Users";
    private static final int PAGES_IN_FLIGHT = 4;

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final List<String> handedOn = new ArrayList<>();
    private final List<Integer> pageStarts = new ArrayList<>();

    /** The user with id lucid-n; its userName stands for personal data that no log line may hold. */
    private static String user(int n) {
        return "{\"id\":\"lucid-" + n + "\",\"userName\":\"person" + n + "@example.com\",\"active\":true}";
    }

    private static int[] range(int first, int last) {
        return IntStream.rangeClosed(first, last).toArray();
    }

    private static String page(Integer totalResults, Integer startIndex, int... users) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"]"
               + (totalResults == null ? "" : ",\"totalResults\":" + totalResults)
               + (startIndex == null ? "" : ",\"startIndex\":" + startIndex) + ",\"itemsPerPage\":" + users.length
               + ",\"Resources\":[" + IntStream.of(users).mapToObj(InconsistentListingTest::user)
                       .collect(Collectors.joining(",")) + "]}";
    }

    private static void answer(int askedStartIndex, String page) {
        server.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("startIndex", equalTo(String.valueOf(askedStartIndex)))
                .willReturn(okForContentType("application/scim+json", page)));
    }

    private static void answerEveryStartIndex(String page) {
        server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okForContentType("application/scim+json", page)));
    }

    private static int requestsSeen() {
        return server.findAll(getRequestedFor(urlPathEqualTo(USERS))).size();
    }

    private static List<String> ids(int... users) {
        return IntStream.of(users).mapToObj(n -> "lucid-" + n).toList();
    }

    /** Lists every user, pageSize at a time, recording what is handed on. @return the page requests made */
    private int list(int pageSize, int pagesInFlight) {
        ScimConnection connection = ScimConnection.create(ScimConnectionSettings.of(
                TenantUrl.of(server.baseUrl() + "/scim/v2", false), BearerToken.of(TestTokens.UNIT)), RequestRate.NONE);
        ScimClient client = new ScimClient(connection, new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(5),
                null, ScimClientOptions.DEFAULT_MAX_LISTING, pagesInFlight, ScimClientOptions.DEFAULT_MEMBERS_PER_PATCH));
        return client.users().forEachPage(SearchQuery.all(pageSize), page -> {
            pageStarts.add(page.startIndex());
            page.resources().stream().map(ScimUser::id).forEach(handedOn::add);
            return true;
        });
    }

    /** Lists while capturing the client's log; the listing's failure, if any, is returned with the log. */
    private Outcome listLogged(int pageSize) {
        return listLogged(pageSize, PAGES_IN_FLIGHT);
    }

    private Outcome listLogged(int pageSize, int pagesInFlight) {
        try (LogCapture log = new LogCapture(Level.INFO, ListingReader.class.getName())) {
            ScimInvalidResponseException failure = catchThrowableOfType(ScimInvalidResponseException.class,
                    () -> list(pageSize, pagesInFlight));
            return new Outcome(failure, log.text());
        }
    }

    private record Outcome(ScimInvalidResponseException failure, String log) {

        long lines(String text) {
            return log.lines().filter(line -> line.contains(text)).count();
        }
    }

    /** The server seen in the field: 260 users announced, page one (20 of them, startIndex 1) for every page. */
    @Test
    void everyPageAnsweredWithPageOneFailsAfterHandingOnPageOneOnce() {
        answerEveryStartIndex(page(260, 1, range(1, 20)));

        Outcome outcome = listLogged(20);

        assertThat(outcome.failure()).isNotNull().hasMessageContaining("asked at startIndex=21 with startIndex=1")
                .hasMessageContaining("after 20 of 260").hasMessageContaining("HTTP 200");
        assertThat(outcome.failure().getStatus()).isEqualTo(200);
        assertThat(handedOn).containsExactlyElementsOf(ids(range(1, 20)));
        // page one, up to four pages at once (those behind the doubtful one may be stopped before they are sent),
        // and the doubtful one again page by page
        assertThat(requestsSeen()).isBetween(3, 1 + PAGES_IN_FLIGHT + 1);
        assertThat(outcome.lines("Listing /Users page by page from startIndex=21")).isEqualTo(1);
        assertThat(outcome.log()).doesNotContain("person");
    }

    /** Right resources, but a startIndex that is not the one asked for (a server counting from 0). */
    @Test
    void aStartIndexOtherThanTheOneAskedForFails() {
        answer(1, page(6, 1, 1, 2));
        answer(3, page(6, 2, 3, 4));
        answer(5, page(6, 4, 5, 6));

        Outcome outcome = listLogged(2);

        assertThat(outcome.failure()).isNotNull().hasMessageContaining("asked at startIndex=3 with startIndex=2");
        assertThat(handedOn).containsExactlyElementsOf(ids(1, 2));
        assertThat(requestsSeen()).as("the doubtful page asked again page by page").isBetween(3, 1 + 2 + 1);
        assertThat(outcome.lines("came back with startIndex=2")).isEqualTo(1);
    }

    @Test
    void morePagesThanTotalResultsLeavesRoomForFails() {
        answer(1, page(5, 1, 1, 2));
        answer(3, page(5, 3, 3, 4));
        answer(5, page(5, 5, 5, 6));

        Outcome outcome = listLogged(2);

        assertThat(outcome.failure()).isNotNull().hasMessageContaining("page at startIndex=5 held 2 resources")
                .hasMessageContaining("more than totalResults=5");
        assertThat(handedOn).containsExactlyElementsOf(ids(1, 2, 3, 4));
        assertThat(outcome.lines("held 2 resources where 1 were due")).isEqualTo(1);
    }

    @Test
    void aFirstPageLargerThanTheTotalFailsAtOnce() {
        answer(1, page(1, 1, 1, 2));

        Outcome outcome = listLogged(2);

        assertThat(outcome.failure()).isNotNull().hasMessageContaining("more than totalResults=1");
        assertThat(handedOn).isEmpty();
        assertThat(requestsSeen()).isEqualTo(1);
    }

    /** Pages that add up to the total and repeat a resource leave another one out: the order is not stable. */
    @Test
    void aRepeatWhileTheTotalStaysFails() {
        answer(1, page(4, 1, 1, 2));
        answer(3, page(4, 3, 2, 3));

        Outcome outcome = listLogged(2);

        assertThat(outcome.failure()).isNotNull().hasMessageContaining("startIndex=3 repeated 1 resource(s)")
                .hasMessageContaining("while totalResults stayed 4");
        assertThat(handedOn).containsExactlyElementsOf(ids(1, 2));
        assertThat(requestsSeen()).as("the doubtful page asked again page by page").isEqualTo(3);
        assertThat(outcome.lines("repeats a resource listed already")).isEqualTo(1);
    }

    @Test
    void aResourceTwiceOnOnePageFails() {
        answer(1, page(4, 1, 1, 2));
        answer(3, page(4, 3, 3, 3));

        Outcome outcome = listLogged(2);

        assertThat(outcome.failure()).isNotNull().hasMessageContaining("repeated 1 resource(s)");
        assertThat(handedOn).containsExactlyElementsOf(ids(1, 2));
    }

    /** A total that counts more than the server lists: the first empty page ends the listing, fetched ahead or not. */
    @Test
    void anEmptyPageEndsTheListingWithoutFallingBack() {
        answer(1, page(50, 1, 1, 2));
        answer(3, page(50, 3));

        Outcome outcome = listLogged(2);

        assertThat(outcome.failure()).isNull();
        assertThat(handedOn).containsExactlyElementsOf(ids(1, 2));
        assertThat(outcome.log()).doesNotContain("page by page");
    }

    /** Six users; the page at 3 holds only lucid-3, and the pages at 4 and 6 go on from there. */
    private static void answerWithAShortPage() {
        answer(1, page(6, 1, 1, 2));
        answer(3, page(6, 3, 3));
        answer(4, page(6, 4, 4, 5));
        answer(5, page(6, 5, 5, 6));
        answer(6, page(6, 6, 6));
    }

    /** Without totalResults nothing can be fetched ahead: page by page to the first short page. */
    @Test
    void noTotalResultsIsReadPageByPage() {
        answer(1, page(null, 1, 1, 2));
        answer(3, page(null, 3, 3, 4));
        answer(5, page(null, 5, 5));

        Outcome outcome = listLogged(2);

        assertThat(outcome.failure()).isNull();
        assertThat(handedOn).containsExactlyElementsOf(ids(range(1, 5)));
        assertThat(requestsSeen()).isEqualTo(3);
        assertThat(outcome.lines("Listing /Users page by page: its first page gave no totalResults")).isEqualTo(1);
    }

    /** A short page before the end: page by page from there, advancing by what came back, every user once. */
    @Test
    void aShortPageBeforeTheEndFallsBackAndListsEveryoneOnce() {
        answerWithAShortPage();

        Outcome outcome = listLogged(2);

        assertThat(outcome.failure()).isNull();
        assertThat(handedOn).containsExactlyElementsOf(ids(range(1, 6)));
        assertThat(pageStarts).containsExactly(1, 3, 4, 6);
        // page one, 3 and 5 fetched ahead (5 dropped unseen, perhaps before it was sent), then 3, 4 and 6 page by page
        assertThat(requestsSeen()).isBetween(1 + 1 + 3, 1 + 2 + 3);
        assertThat(outcome.lines("Listing /Users page by page from startIndex=3: the page at startIndex=3 held 1 "
                                 + "resources where 2 were due")).isEqualTo(1);
    }

    /** One page in flight is page by page as before: a short page is no doubt, each page is asked for once. */
    @Test
    void withOnePageInFlightAShortPageIsReadOnceAndNoDoubt() {
        answerWithAShortPage();

        Outcome outcome = listLogged(2, 1);

        assertThat(outcome.failure()).isNull();
        assertThat(handedOn).containsExactlyElementsOf(ids(range(1, 6)));
        assertThat(requestsSeen()).isEqualTo(4);
        assertThat(outcome.log()).doesNotContain("page by page");
    }

    /**
     * A user (lucid-0) created at the front while the directory is listed: the total grows and lucid-2 is pushed onto
     * the next page. Not an error: page by page to the end, lucid-2 handed on once, the change logged. lucid-0,
     * created ahead of the page being read, is for the next listing.
     */
    @Test
    void aTotalThatGrowsPassesTheResourcePushedOntoTheNextPageOnce() {
        answer(1, page(4, 1, 1, 2));
        answer(3, page(5, 3, 2, 3));
        answer(5, page(5, 5, 4));

        Outcome outcome = listLogged(2);

        assertThat(outcome.failure()).isNull();
        assertThat(handedOn).containsExactlyElementsOf(ids(range(1, 4)));
        assertThat(outcome.lines("totalResults went from 4 to 5 at startIndex=3")).isEqualTo(1);
        assertThat(outcome.lines("changed while it was listed (4 at the start, 5 at the end)")).isEqualTo(1);
    }
}
