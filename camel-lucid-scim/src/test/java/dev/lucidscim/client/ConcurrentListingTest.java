package dev.lucidscim.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import dev.lucidscim.camel.LogCapture;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A well-behaved Lucid a round trip away (the simulator's latency, with jitter so that pages are answered out of
 * order): pages are really in flight together, never more than pagesInFlight, handed on in order, and a consumer
 * that stops early leaves at most pagesInFlight - 1 pages asked for beyond. How many were in flight at once is
 * counted from the simulator's request log (when each request came in and was answered), not from wall time.
 */
class ConcurrentListingTest {

    private static final int USERS = 40;
    private static final int PAGE_SIZE = 2;
    private static final int PAGES = USERS / PAGE_SIZE;
    /** Longer than any answer takes (100 ms, give or take 50). */
    private static final long ANSWERED_BY_NOW_MILLIS = 1_000;

    private static LucidScimSimulator lucid;

    private final List<String> seeded = new ArrayList<>();

    @BeforeAll
    static void startLucid() {
        lucid = LucidScimSimulator.builder().latency(Duration.ofMillis(100), Duration.ofMillis(50)).build().start();
    }

    @AfterAll
    static void stopLucid() {
        lucid.stop();
    }

    @BeforeEach
    void seedDirectory() {
        lucid.reset();
        for (int n = 1; n <= USERS; n++) {
            seeded.add(lucid.seedUser("{\"userName\":\"user" + n + "@example.com\",\"emails\":[{\"value\":\"user" + n
                                      + "@example.com\"}]}"));
        }
    }

    private static ScimClient client(int pagesInFlight) {
        ScimConnection connection = ScimConnection.create(ScimConnectionSettings.of(
                TenantUrl.of(lucid.baseUrl(), false), BearerToken.of(lucid.token())), RequestRate.NONE);
        return new ScimClient(connection, new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(10), null,
                ScimClientOptions.DEFAULT_MAX_LISTING, pagesInFlight, ScimClientOptions.DEFAULT_MEMBERS_PER_PATCH));
    }

    private static long listingRequests() {
        return lucid.requests().count("GET", "/Users");
    }

    /** The most listing requests the simulator was serving at one moment, from when each came in and was answered. */
    private static int mostInFlightAtOnce() {
        record Edge(long nanos, int change) {
        }
        List<Edge> edges = new ArrayList<>();
        for (RecordedRequest request : lucid.requests().matching(r -> r.method().equals("GET"))) {
            long answered = request.at().getEpochSecond() * 1_000_000_000L + request.at().getNano();
            edges.add(new Edge(answered - request.duration().toNanos(), 1));
            edges.add(new Edge(answered, -1));
        }
        // an answer at the very moment another request comes in: the answer first
        edges.sort(Comparator.comparingLong(Edge::nanos).thenComparingInt(Edge::change));
        int now = 0;
        int most = 0;
        for (Edge edge : edges) {
            now += edge.change();
            most = Math.max(most, now);
        }
        return most;
    }

    @Test
    void pagesAreInFlightTogetherAndHandedOnInOrder() {
        List<Integer> pageStarts = new ArrayList<>();
        List<String> handedOn = new ArrayList<>();
        List<String> threads = new ArrayList<>();

        int requests = client(4).users().forEachPage(SearchQuery.all(PAGE_SIZE), page -> {
            pageStarts.add(page.startIndex());
            page.resources().stream().map(ScimUser::id).forEach(handedOn::add);
            threads.add(Thread.currentThread().getName());
            return true;
        });

        assertThat(mostInFlightAtOnce()).isEqualTo(4);
        assertThat(pageStarts).containsExactlyElementsOf(
                IntStream.range(0, PAGES).mapToObj(page -> 1 + page * PAGE_SIZE).toList());
        assertThat(handedOn).containsExactlyElementsOf(seeded);
        assertThat(threads).containsOnly(Thread.currentThread().getName());
        assertThat(requests).isEqualTo(PAGES).isEqualTo((int) listingRequests());
    }

    @Test
    void oneInFlightReadsPageByPage() {
        List<Long> requestsWhenHandedOn = new ArrayList<>();

        int requests = client(1).users().forEachPage(SearchQuery.all(PAGE_SIZE), page -> {
            requestsWhenHandedOn.add(listingRequests());
            return true;
        });

        // each page asked for only once the one before was handed on
        assertThat(requestsWhenHandedOn).containsExactlyElementsOf(
                IntStream.rangeClosed(1, PAGES).mapToObj(Long::valueOf).toList());
        assertThat(requests).isEqualTo(PAGES);
    }

    /** While a page is being handled, at most pagesInFlight pages are held or in flight: the page and 3 more. */
    @Test
    void atMostPagesInFlightPagesAreAskedForAhead() {
        List<Long> requestsWhileHandling = new ArrayList<>();

        client(4).users().forEachPage(SearchQuery.all(PAGE_SIZE), page -> {
            if (page.startIndex() == 3 || page.startIndex() == 5) {
                pauseUntilAnswered();
                requestsWhileHandling.add(listingRequests());
            }
            return true;
        });

        // page 2 handled: pages 1 to 5 asked for; page 3 handled: one more, page 6
        assertThat(requestsWhileHandling).containsExactly(5L, 6L);
    }

    @Test
    void aConsumerThatStopsLeavesAtMostPagesInFlightMinusOnePagesAskedForBeyond() {
        List<Integer> pageStarts = new ArrayList<>();

        int requests = client(4).users().forEachPage(SearchQuery.all(PAGE_SIZE), page -> {
            pageStarts.add(page.startIndex());
            return pageStarts.size() < 3;
        });

        assertThat(pageStarts).containsExactly(1, 3, 5);
        // pages 1 to 5 went out at once; page 6 after page 3 was handed on, unless the stop came first
        assertThat(requests).isBetween(3 + 2, 3 + 3);
        assertThat(listingRequests()).as("those in flight answered before the listing returned").isEqualTo(requests);
        pauseUntilAnswered();
        assertThat(listingRequests()).as("nothing sent after the listing returned").isEqualTo(requests);
    }

    /** A user created while the directory is listed: fetching ahead stops, the listing reads to the new end. */
    @Test
    void aUserCreatedMeanwhileIsListedToo() {
        List<String> handedOn = new ArrayList<>();
        String log;

        try (LogCapture capture = new LogCapture(Level.INFO, ListingReader.class.getName())) {
            client(4).users().forEachPage(SearchQuery.all(PAGE_SIZE), page -> {
                if (handedOn.isEmpty()) {
                    seeded.add(lucid.seedUser("{\"userName\":\"late@example.com\",\"emails\":[{\"value\":"
                                              + "\"late@example.com\"}]}"));
                }
                page.resources().stream().map(ScimUser::id).forEach(handedOn::add);
                return true;
            });
            log = capture.text();
        }

        assertThat(handedOn).containsExactlyElementsOf(seeded);
        assertThat(log).contains("page by page from startIndex=3: totalResults went from 40 to 41")
                .contains("(40 at the start, 41 at the end)");
    }

    /**
     * A user deactivated while the directory is listed moves everyone after it one place up: the one pushed back
     * onto a page already read is missing from this listing (paging by index is no snapshot). Not an error and no
     * repeat; the log says the total changed, and the next listing sees that user.
     */
    @Test
    void aUserDeactivatedMeanwhileLeavesTheOnePushedBackUnlisted() {
        ScimClient client = client(4);
        List<String> handedOn = new ArrayList<>();
        String log;

        try (LogCapture capture = new LogCapture(Level.INFO, ListingReader.class.getName())) {
            client.users().forEachPage(SearchQuery.all(PAGE_SIZE), page -> {
                if (handedOn.isEmpty()) {
                    client.users().patch(seeded.get(0), PatchRequest.of(PatchOperation.replace("active", false)));
                }
                page.resources().stream().map(ScimUser::id).forEach(handedOn::add);
                return true;
            });
            log = capture.text();
        }

        assertThat(new HashSet<>(handedOn)).hasSameSizeAs(handedOn);
        List<String> unlisted = new ArrayList<>(seeded);
        unlisted.removeAll(handedOn);
        assertThat(unlisted).containsExactly(seeded.get(PAGE_SIZE));
        assertThat(log).contains("(40 at the start, 39 at the end)");
        List<String> nextListing = client.users().searchAll(SearchQuery.all(PAGE_SIZE), FilteredResultCap.LUCID)
                .resources().stream().map(ScimUser::id).toList();
        assertThat(nextListing).containsExactlyElementsOf(seeded.subList(1, USERS));
    }

    private static void pauseUntilAnswered() {
        try {
            Thread.sleep(ANSWERED_BY_NOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
