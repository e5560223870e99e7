package dev.lucidscim.camel.hardening;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.client.ResourceIds;
import dev.lucidscim.error.ScimValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.lucidscim.camel.hardening.Generator.weight;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource ids built from the pieces that change a URL path ({@code /}, {@code ..}, {@code %2F}, {@code ?},
 * {@code #}, ...): the component either refuses the id before any request, naming the problem, or the request reaches
 * Lucid at exactly {@code /scim/v2/Users/<one segment>}, the segment decoding to the id, with no query or fragment
 * added.
 */
class HostileResourceIdsTest {

    private static final String USERS = "/scim/v2/Users/";
    /** Unreserved characters and percent escapes only: nothing that ends a segment, starts a query or a fragment. */
    private static final Pattern ENCODED_SEGMENT = Pattern.compile("([A-Za-z0-9._~-]|%[0-9A-F]{2})+");

    private static HostileLucid lucid;
    /** Refused and sent ids: both must be common, or the test proves little. */
    private static final Map<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        lucid = HostileLucid.start();
        lucid.wireMock().stubFor(get(urlPathMatching("/scim/v2/Users/.+")).willReturn(HostileLucid.userAnswer()));
    }

    @AfterAll
    static void stop() {
        lucid.close();
        int total = OUTCOMES.values().stream().mapToInt(AtomicInteger::get).sum();
        for (String outcome : List.of("sent", "refused")) {
            assertThat(OUTCOMES.getOrDefault(outcome, new AtomicInteger()).get())
                    .as("ids " + outcome + ", of " + total + ": " + OUTCOMES).isGreaterThanOrEqualTo(total * 15 / 100);
        }
    }

    @BeforeEach
    void forgetRequests() {
        lucid.wireMock().resetRequests();
    }

    @ParameterizedTest
    @MethodSource("hostileIds")
    void anIdBecomesOneEncodedSegmentOrIsRefused(String id) {
        String segment;
        try {
            segment = ResourceIds.toPathSegment(id);
        } catch (ScimValidationException refused) {
            assertThat(refused.getMessage()).containsIgnoringCase("resource id");
            countOutcome("refused");
            return;
        }
        assertIsOneSegmentHolding(segment, id);
        countOutcome("sent");
    }

    @ParameterizedTest
    @MethodSource("fewerHostileIds")
    void theRequestPathHoldsTheIdAsOneSegment(String id) {
        Exchange result = lucid.call("lucid-scim:users?operation=get", null,
                Map.of(LucidScimConstants.RESOURCE_ID, id));

        List<LoggedRequest> sent = lucid.wireMock().findAll(anyRequestedFor(anyUrl()));
        if (result.getException() instanceof ScimValidationException refused) {
            assertThat(sent).as("requests sent for a refused id").isEmpty();
            assertThat(refused.getMessage()).containsIgnoringCase("resource id").endsWith("[no request was sent]");
            countOutcome("refused");
            return;
        }
        assertThat(result.getException()).as("failure of the get").isNull();
        assertThat(sent).hasSize(1);
        String url = sent.get(0).getUrl();
        assertThat(url).startsWith(USERS);
        assertIsOneSegmentHolding(url.substring(USERS.length()), id);
        countOutcome("sent");
    }

    private static void assertIsOneSegmentHolding(String segment, String id) {
        String what = "segment for the id " + Generator.visible(id);
        assertThat(segment).as(what).matches(ENCODED_SEGMENT);
        String decoded = URLDecoder.decode(segment, StandardCharsets.UTF_8);
        assertThat(decoded).as(what).isEqualTo(id);
        // "." and ".." (also as %2E) are dot segments: a server or proxy that normalises the path removes them.
        assertThat(decoded).as(what).isNotIn(".", "..");
        // and many decode %2F and %5C before routing
        assertThat(decoded).as(what).doesNotContain("/", "\\");
    }

    private static void countOutcome(String outcome) {
        OUTCOMES.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
    }

    static Stream<Named<String>> hostileIds() {
        return Generator.samples("hostileIds", hostileId(), 1_000);
    }

    /** Each sends a request through Camel: fewer, as the component's own encoding is checked by the thousand. */
    static Stream<Named<String>> fewerHostileIds() {
        return Generator.samples("fewerHostileIds", hostileId(), 300);
    }

    private static Generator<String> hostileId() {
        Generator<String> piece = Generator.frequency(
                weight(3, Generator.of("/", "..", ".", "%2F", "%2f", "%2e%2e", "%2E", "?", "#", ";", "\\", " ",
                        "&", "=", "+", "%", "%00", "%252F", "@", ":", "\u3000", "\uFF0F")),
                weight(4, Generator.strings("abcXYZ0129-_~", 1, 6)),
                weight(2, Generator.unicode()));
        Generator<String> pieces = Generator.concat(piece, 1, 6);
        // around the limit of 512 characters
        Generator<String> nearTheLimit = Generator.strings("lucid-0123456789", 505, 520);
        // the classic attacks whole, so that every run tries them
        Generator<String> classic = Generator.of(".", "..", "...", "%2e", "%2e%2e", "../Groups", "lucid-1/../..",
                "..%2FGroups", "lucid-1?attributes=password", "lucid-1#x", "lucid-1;x=y", "lucid-1%00");
        return Generator.frequency(weight(17, pieces), weight(2, classic), weight(1, nearTheLimit));
    }
}
