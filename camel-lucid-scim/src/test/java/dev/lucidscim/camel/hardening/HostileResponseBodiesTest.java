package dev.lucidscim.camel.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.camel.Exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated 200 answers to a get that are not the user they should be: cut short anywhere (inside a UTF-8 sequence
 * too), of the wrong JSON type at the top or anywhere inside, random bytes and JSON-like noise, and documents built to
 * strain a parser (deep nesting, huge numbers, long strings, many keys). The get returns a user or fails with a
 * {@link ScimException}; never with another exception, and never hangs (see {@link HostileLucid#call}).
 */
class HostileResponseBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Every kind of attribute the user model reads: dates, a reference, multi-values, extensions, a licence map. */
    private static final String USER = """
            {"schemas":["%s","%s","%s"],"id":"lucid-1","externalId":"E-1",
             "meta":{"resourceType":"User","created":"2024-01-02T03:04:05Z",
                     "lastModified":"2024-02-03T04:05:06.789+02:00",
                     "location":"https://users.lucid.app/scim/v2/Users/lucid-1","version":"W/\\"3\\""},
             "userName":"jane@example.com","name":{"formatted":"Jäne Dœ 名","familyName":"Dœ","givenName":"Jäne"},
             "displayName":"Jäne Dœ","title":"Engineer","active":true,
             "emails":[{"value":"jane@example.com","type":"work","primary":true}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
             "groups":[{"value":"lucid-group-7","display":"Engineering","$ref":"https://x/Groups/lucid-group-7"}],
             "%s":{"department":"Engineering","manager":{"value":"lucid-9","displayName":"Boss"}},
             "%s":{"productLicenses":{"Lucidchart":true,"Lucidspark":false},"billingCode":"BC-1"}}
            """.formatted(ScimSchemas.CORE_USER, ScimSchemas.ENTERPRISE_USER, ScimSchemas.LUCID_USER_V2,
            ScimSchemas.ENTERPRISE_USER, ScimSchemas.LUCID_USER_V2);
    /** Ending in its closing brace: every shorter prefix is cut short. */
    private static final byte[] USER_BYTES = USER.strip().getBytes(StandardCharsets.UTF_8);

    private static HostileLucid lucid;

    @BeforeContainer
    static void start() {
        lucid = HostileLucid.start();
    }

    @AfterContainer
    static void stop() {
        lucid.close();
    }

    private static Exchange getUserAnswered(byte[] body) {
        lucid.wireMock().resetMappings();
        lucid.wireMock().stubFor(get("/scim/v2/Users/lucid-1").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", LucidScimTestSupport.SCIM_JSON).withBody(body)));
        return lucid.call("lucid-scim:users?operation=get", null, Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));
    }

    private static void assertInvalidResponse(Exchange result) {
        assertThat(result.getException()).isExactlyInstanceOf(ScimInvalidResponseException.class);
        assertThat(((ScimException) result.getException()).getStatus()).isEqualTo(200);
    }

    /** A user read, or a ScimException: the two outcomes a route has to handle, and nothing else. */
    private static void assertUserOrScimException(Exchange result) {
        if (result.getException() == null) {
            assertThat(result.getMessage().getBody()).isInstanceOf(ScimUser.class);
            Statistics.label("outcome").collect("read");
        } else {
            assertThat(result.getException()).isInstanceOf(ScimException.class);
            Statistics.label("outcome").collect(result.getException().getClass().getSimpleName());
        }
    }

    @Property(tries = 300)
    void aUserCutShortIsAnInvalidResponse(@ForAll("cuts") int length) {
        assertInvalidResponse(getUserAnswered(Arrays.copyOf(USER_BYTES, length)));
    }

    @Property(tries = 100)
    void aDocumentThatIsNotAnObjectIsAnInvalidResponse(@ForAll("notObjects") JsonNode document) {
        Statistics.label("document").collect(document.getNodeType());
        assertInvalidResponse(getUserAnswered(bytes(document)));
    }

    @Property(tries = 300)
    void aUserWithOneValueOfAnotherTypeIsReadOrRefused(@ForAll("wronglyTypedUsers") byte[] body) {
        assertUserOrScimException(getUserAnswered(body));
    }

    /** Unless the noise happens to be a JSON object, which the model may read. */
    @Property(tries = 300)
    void noiseIsAnInvalidResponse(@ForAll("noise") byte[] body) {
        Exchange result = getUserAnswered(body);
        if (isJsonObject(body)) {
            assertUserOrScimException(result);
        } else {
            assertInvalidResponse(result);
        }
    }

    @Property(tries = 40)
    void aDocumentBuiltToStrainTheParserIsReadOrRefused(@ForAll("strainingUsers") byte[] body) {
        assertUserOrScimException(getUserAnswered(body));
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, USER_BYTES.length - 1);
    }

    /** Scalars, arrays and objects of a few members. */
    @Provide
    Arbitrary<JsonNode> jsonValues() {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.strings().ofMaxLength(12).map(NODES::textNode));
        Arbitrary<JsonNode> array = scalar.list().ofMaxSize(3).map(values -> NODES.arrayNode().addAll(values));
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                scalar).ofMaxSize(3).map(members -> NODES.objectNode().setAll(members));
        return Arbitraries.oneOf(scalar, array, object);
    }

    @Provide
    Arbitrary<JsonNode> notObjects() {
        return jsonValues().filter(node -> !node.isObject());
    }

    /** The user with one value, anywhere in it, replaced by a generated one. */
    @Provide
    Arbitrary<byte[]> wronglyTypedUsers() {
        return Combinators.combine(Arbitraries.integers().greaterOrEqual(0), jsonValues())
                .as((where, value) -> {
                    JsonNode user = tree(USER_BYTES);
                    List<Runnable> replacements = new ArrayList<>();
                    collectReplacements(user, value, replacements);
                    replacements.get(where % replacements.size()).run();
                    return bytes(user);
                });
    }

    private static void collectReplacements(JsonNode node, JsonNode value, List<Runnable> into) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                into.add(() -> object.set(name, value));
                collectReplacements(object.get(name), value, into);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                into.add(() -> array.set(index, value));
                collectReplacements(array.get(i), value, into);
            }
        }
    }

    /** Random bytes, and random runs of JSON's own tokens, which get further into a parser. */
    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        Arbitrary<byte[]> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\"userName\"", "\"id\"",
                        "\"emails\"", "\"meta\"", "null", "true", "-", "0", "1e999", "\\u", "\\", " ", "\n", "\u00e9",
                        "\uFEFF")
                .list().ofMaxSize(40).map(list -> String.join("", list).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(bytes, tokens);
    }

    /** The user with a value that is deeply nested, a huge number, a long string, or an object of many members. */
    @Provide
    Arbitrary<byte[]> strainingUsers() {
        Arbitrary<String> nested = Arbitraries.integers().between(100, 20_000)
                .map(depth -> "[".repeat(depth) + "]".repeat(depth));
        Arbitrary<String> number = Arbitraries.integers().between(100, 200_000).map(digits -> "9".repeat(digits));
        Arbitrary<String> text = Arbitraries.integers().between(10_000, 2_000_000)
                .map(length -> "\"" + "x".repeat(length) + "\"");
        Arbitrary<String> wide = Arbitraries.integers().between(1_000, 50_000).map(members -> {
            StringBuilder object = new StringBuilder("{");
            for (int i = 0; i < members; i++) {
                object.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":").append(i);
            }
            return object.append('}').toString();
        });
        Arbitrary<String> attribute = Arbitraries.of("userName", "name", "emails", "active", "x-unknown");
        return Combinators.combine(attribute, Arbitraries.oneOf(nested, number, text, wide))
                .as((name, value) -> ("{\"schemas\":[\"" + ScimSchemas.CORE_USER + "\"],\"id\":\"lucid-1\",\""
                                      + name + "\":" + value + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isJsonObject(byte[] body) {
        try {
            return JSON.readTree(body) instanceof ObjectNode;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
