package dev.lucidscim.camel.hardening;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import de.captaingoldfish.scim.sdk.common.constants.ClassPathReferences;
import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.exceptions.ScimException;
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
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.lucidscim.camel.hardening.Generator.weight;
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
    /** How the library read the values: most must come out whole, or the test proves little. */
    private static final Map<String, AtomicInteger> READINGS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        lucid = HostileLucid.start();
        lucid.wireMock().stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", LucidScimTestSupport.SCIM_JSON).withBody(NOBODY)));
    }

    @AfterAll
    static void stop() {
        lucid.close();
        int total = READINGS.values().stream().mapToInt(AtomicInteger::get).sum();
        if (total > 0) {
            assertThat(READINGS.getOrDefault("the whole value", new AtomicInteger()).get())
                    .as("values the library read whole, of " + total + ": " + READINGS)
                    .isGreaterThanOrEqualTo(total / 2);
        }
    }

    @BeforeEach
    void forgetRequests() {
        lucid.wireMock().resetRequests();
    }

    /**
     * The library's grammar has no escapes: a string ends at the next quote, escapes are kept as written, and what
     * follows a complete comparison may be ignored. So values holding a quote are refused or cut short at the quote
     * (the simulator reads those itself, see its StringEq), as is the empty value; the others must come out whole once
     * their escapes are undone as JSON. What the library must never read is more than the one comparison.
     */
    @ParameterizedTest
    @MethodSource("hostileValues")
    void theScimLibraryReadsOneEqComparisonOfTheValue(String value) throws IOException {
        String filter = ScimFilter.eq("userName", value);
        String what = "the library's reading of " + Generator.visible(filter);
        boolean beyondTheGrammar = value.isEmpty() || value.contains("\"");
        FilterNode parsed;
        try {
            parsed = RequestUtils.parseFilter(USERS, filter);
        } catch (ScimException refused) { // InvalidFilterException, or BadRequestException for some inputs
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
    @ParameterizedTest
    @MethodSource("hostileValues")
    void theValueIsOneJsonStringEndingTheFilter(String value) throws IOException {
        String filter = ScimFilter.eq("userName", value);
        String what = Generator.visible(filter);
        assertThat(filter).as(what).startsWith("userName eq \"");
        try (JsonParser parser = JSON.createParser(filter.substring("userName eq ".length()))) {
            assertThat(parser.nextToken()).as(what).isEqualTo(JsonToken.VALUE_STRING);
            assertThat(parser.getText()).as(what).isEqualTo(value);
            assertThat(parser.nextToken()).as("what follows the string in " + what).isNull();
        }
    }

    /** Upsert of a leaver looks the userName up and, finding nobody, changes nothing: one request, the search. */
    @ParameterizedTest
    @MethodSource("nonBlankHostileValues")
    void theFilterReachesLucidAsBuilt(String value) {
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
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).as(Generator.visible(value))
                .isEqualTo(ScimFilter.eq("userName", value));
    }

    private static void countReading(String reading) {
        READINGS.computeIfAbsent(reading, r -> new AtomicInteger()).incrementAndGet();
    }

    static Stream<Named<String>> hostileValues() {
        return Generator.samples("hostileValues", hostileValue(), 1_000);
    }

    /** A blank userName is refused before any request: upsert needs one. */
    static Stream<Named<String>> nonBlankHostileValues() {
        return Generator.samples("nonBlankHostileValues", hostileValue().filter(value -> !value.isBlank()),
                200);
    }

    private static Generator<String> hostileValue() {
        Generator<String> piece = Generator.frequency(
                weight(4, Generator.of("\"", "\\", "\\\"", "\\\\", "\\u0022", "\\n", " or ", " OR ", " and ",
                        "not ", " pr", " Pr", " eq ", "(", ")", "[", "]", "userName", "\" or userName pr or \"",
                        "\") or (userName pr", "\n", "\r\n", "\t", "\b", "\u0000", "\u001F", "\u007F", "\u2028",
                        "\u2029", "\uFEFF", "&", "=", "+", "%", "%22", "#", "'", " ", "*")),
                weight(3, Generator.strings(Generator.LETTERS + Generator.DIGITS + "@.-_", 1, 8)),
                weight(3, Generator.unicode()));
        Generator<String> mixed = Generator.concat(piece, 0, 10);
        // whole clauses, as a value would add them if its quotes were not escaped
        Generator<String> word = Generator.strings(Generator.LETTERS, 1, 6);
        Generator<String> clause = Generator.of(" or userName eq ", " or userName pr or userName eq ",
                " and not (emails.value eq \"x\") or userName eq ");
        Generator<String> injected = random -> word.next(random) + "\"" + clause.next(random) + "\""
                                               + word.next(random);
        return Generator.frequency(weight(9, mixed), weight(1, injected));
    }
}
