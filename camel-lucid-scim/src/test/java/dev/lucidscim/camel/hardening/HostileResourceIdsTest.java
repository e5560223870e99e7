package dev.lucidscim.camel.hardening;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.client.ResourceIds;
import dev.lucidscim.error.ScimValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.apache.camel.Exchange;

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

    @BeforeContainer
    static void start() {
        lucid = HostileLucid.start();
        lucid.wireMock().stubFor(get(urlPathMatching("/scim/v2/Users/.+")).willReturn(HostileLucid.userAnswer()));
    }

    @AfterContainer
    static void stop() {
        lucid.close();
    }

    @BeforeTry
    void forgetRequests() {
        lucid.wireMock().resetRequests();
    }

    @Property(tries = 1_000)
    void anIdBecomesOneEncodedSegmentOrIsRefused(@ForAll("hostileIds") String id) {
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

    @Property(tries = 300)
    void theRequestPathHoldsTheIdAsOneSegment(@ForAll("hostileIds") String id) {
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
        String what = "segment for the id " + HostileLucid.visible(id);
        assertThat(segment).as(what).matches(ENCODED_SEGMENT);
        String decoded = URLDecoder.decode(segment, StandardCharsets.UTF_8);
        assertThat(decoded).as(what).isEqualTo(id);
        // "." and ".." (also as %2E) are dot segments: a server or proxy that normalises the path removes them.
        assertThat(decoded).as(what).isNotIn(".", "..");
        // and many decode %2F and %5C before routing
        assertThat(decoded).as(what).doesNotContain("/", "\\");
    }

    /** Both outcomes must be common, or the property proves little. */
    private static void countOutcome(String outcome) {
        Statistics.label("outcome").collect(outcome);
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("sent").percentage(p -> p >= 15);
            coverage.check("refused").percentage(p -> p >= 15);
        });
    }

    @Provide
    Arbitrary<String> hostileIds() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("/", "..", ".", "%2F", "%2f", "%2e%2e", "%2E", "?", "#", ";", "\\", " ",
                        "&", "=", "+", "%", "%00", "%252F", "@", ":", "\u3000", "\uFF0F")),
                Tuple.of(4, Arbitraries.strings().withChars("abcXYZ0129-_~").ofMinLength(1).ofMaxLength(6)),
                Tuple.of(2, HostileLucid.unicode()));
        Arbitrary<String> pieces = piece.list().ofMinSize(1).ofMaxSize(6).map(list -> String.join("", list));
        // around the limit of 512 characters
        Arbitrary<String> nearTheLimit = Arbitraries.strings().withChars("lucid-0123456789").ofMinLength(505)
                .ofMaxLength(520);
        // the classic attacks whole, so that every run tries them
        Arbitrary<String> classic = Arbitraries.of(".", "..", "...", "%2e", "%2e%2e", "../Groups", "lucid-1/../..",
                "..%2FGroups", "lucid-1?attributes=password", "lucid-1#x", "lucid-1;x=y", "lucid-1%00");
        return Arbitraries.frequencyOf(Tuple.of(17, pieces), Tuple.of(2, classic), Tuple.of(1, nearTheLimit));
    }
}
