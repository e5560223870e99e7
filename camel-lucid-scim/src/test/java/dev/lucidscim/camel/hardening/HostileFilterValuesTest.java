package dev.lucidscim.camel.hardening;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.captaingoldfish.scim.sdk.common.constants.ClassPathReferences;
import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.exceptions.InvalidFilterException;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceTypeFactory;
import de.captaingoldfish.scim.sdk.server.utils.RequestUtils;
import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.client.ScimFilter;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.apache.camel.Exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filter values that try to break out of their string: quotes, backslashes, the words or, and, not, pr, brackets,
 * newlines and other control characters, any unicode. {@link ScimFilter#eq} must always build exactly one
 * {@code eq} comparison of the attribute with the literal value: as the SCIM library the simulator uses reads it, as
 * RFC 7644 reads it (the value is a JSON string), and as it reaches Lucid over HTTP.
 */
class HostileFilterValuesTest {

    /** The SCIM library's Users resource type, for its filter parser; without a handler, as nothing is served. */
    private static final ResourceType USERS = new ResourceTypeFactory().registerResourceType(null,
            JsonHelper.loadJsonDocument(ClassPathReferences.USER_RESOURCE_TYPE_JSON),
            JsonHelper.loadJsonDocument(ClassPathReferences.USER_SCHEMA_JSON),
            JsonHelper.loadJsonDocument(ClassPathReferences.ENTERPRISE_USER_SCHEMA_JSON));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Unreserved characters and percent escapes only: nothing that ends the parameter or starts a fragment. */
    private static final String ENCODED_VALUE = "([A-Za-z0-9._~-]|%[0-9A-F]{2})*";
    /** A search that finds nobody. */
    private static final String NOBODY = "{\"schemas\":[\"" + ScimSchemas.LIST_RESPONSE + "\"],\"totalResults\":0,"
                                         + "\"Resources\":[]}";

    private static HostileLucid lucid;

    @BeforeContainer
    static void start() {
        lucid = HostileLucid.start();
        lucid.wireMock().stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", LucidScimTestSupport.SCIM_JSON).withBody(NOBODY)));
    }

    @AfterContainer
    static void stop() {
        lucid.close();
    }

    @BeforeTry
    void forgetRequests() {
        lucid.wireMock().resetRequests();
    }

    /**
     * The library's grammar has no escapes: a string ends at the next quote, escapes are kept as written, and what
     * follows a complete comparison may be ignored. So values holding a quote are refused or cut short at the quote
     * (the simulator reads those itself, see its StringEq), as is the empty value; the others must come out whole once
     * their escapes are undone as JSON. What the library must never read is more than the one comparison.
     */
    @Property(tries = 1_000)
    void theScimLibraryReadsOneEqComparisonOfTheValue(@ForAll("hostileValues") String value) throws IOException {
        String filter = ScimFilter.eq("userName", value);
        String what = "the library's reading of " + HostileLucid.visible(filter);
        boolean beyondTheGrammar = value.isEmpty() || value.contains("\"");
        FilterNode parsed;
        try {
            parsed = RequestUtils.parseFilter(USERS, filter);
        } catch (InvalidFilterException refused) {
            assertThat(beyondTheGrammar).as(what + " refused: " + refused.getMessage()).isTrue();
            countReading("refused, quote or empty");
            return;
        }
        assertThat(parsed).as(what).isInstanceOf(AttributeExpressionLeaf.class);
        AttributeExpressionLeaf comparison = (AttributeExpressionLeaf) parsed;
        assertThat(comparison.getFullName()).as(what).isEqualTo("userName");
        assertThat(comparison.getComparator()).as(what).isEqualTo(Comparator.EQ);
        if (beyondTheGrammar) {
            countReading("cut short at a quote");
            return;
        }
        assertThat(JSON.readValue("\"" + comparison.getValue() + "\"", String.class)).as(what).isEqualTo(value);
        countReading("the whole value");
    }

    /** RFC 7644 section 3.4.2.2: the comparison value is a JSON string, and nothing may follow it. */
    @Property(tries = 1_000)
    void theValueIsOneJsonStringEndingTheFilter(@ForAll("hostileValues") String value) throws IOException {
        String filter = ScimFilter.eq("userName", value);
        String what = HostileLucid.visible(filter);
        assertThat(filter).as(what).startsWith("userName eq \"");
        try (JsonParser parser = JSON.createParser(filter.substring("userName eq ".length()))) {
            assertThat(parser.nextToken()).as(what).isEqualTo(JsonToken.VALUE_STRING);
            assertThat(parser.getText()).as(what).isEqualTo(value);
            assertThat(parser.nextToken()).as("what follows the string in " + what).isNull();
        }
    }

    /** Upsert of a leaver looks the userName up and, finding nobody, changes nothing: one request, the search. */
    @Property(tries = 200)
    void theFilterReachesLucidAsBuilt(@ForAll("hostileValues") String value) {
        Assume.that(!value.isBlank()); // refused before any request: upsert needs a userName

        Exchange result = lucid.call("lucid-scim:users?operation=upsert", ScimUser.builder().userName(value)
                .active(false).build(), Map.of());

        assertThat(result.getException()).as("failure of the upsert").isNull();
        List<LoggedRequest> sent = lucid.wireMock().findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).hasSize(1);
        String url = sent.get(0).getUrl();
        assertThat(url).startsWith("/scim/v2/Users?");
        List<String> parameters = List.of(url.substring(url.indexOf('?') + 1).split("&", -1));
        assertThat(parameters).hasSize(3).endsWith("startIndex=1", "count=2");
        assertThat(parameters.get(0)).startsWith("filter=");
        String encoded = parameters.get(0).substring("filter=".length());
        assertThat(encoded).matches(ENCODED_VALUE);
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).as(HostileLucid.visible(value))
                .isEqualTo(ScimFilter.eq("userName", value));
    }

    /** Most values must come out whole, or the property proves little. */
    private static void countReading(String reading) {
        Statistics.label("library").collect(reading);
        Statistics.label("library").coverage(coverage -> coverage.check("the whole value")
                .percentage(p -> p >= 50));
    }

    @Provide
    Arbitrary<String> hostileValues() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("\"", "\\", "\\\"", "\\\\", "\\u0022", "\\n", " or ", " OR ", " and ",
                        "not ", " pr", " Pr", " eq ", "(", ")", "[", "]", "userName", "\" or userName pr or \"",
                        "\") or (userName pr", "\n", "\r\n", "\t", "\b", "\u0000", "\u001F", "\u007F", "\u2028",
                        "\u2029", "\uFEFF", "&", "=", "+", "%", "%22", "#", "'", " ", "*")),
                Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars("@.-_").ofMinLength(1).ofMaxLength(8)),
                Tuple.of(3, HostileLucid.unicode()));
        Arbitrary<String> mixed = piece.list().ofMaxSize(10).map(list -> String.join("", list));
        // whole clauses, as a value would add them if its quotes were not escaped
        Arbitrary<String> word = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> clause = Arbitraries.of(" or userName eq ", " or userName pr or userName eq ",
                " and not (emails.value eq \"x\") or userName eq ");
        Arbitrary<String> injected = Combinators.combine(word, clause, word).as((a, or, b) -> a + "\"" + or + "\"" + b);
        return Arbitraries.frequencyOf(Tuple.of(9, mixed), Tuple.of(1, injected));
    }
}
