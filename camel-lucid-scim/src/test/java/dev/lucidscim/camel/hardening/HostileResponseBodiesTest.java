package dev.lucidscim.camel.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.lucidscim.camel.hardening.Generator.weight;
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

    @BeforeAll
    static void start() {
        lucid = HostileLucid.start();
    }

    @AfterAll
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
        } else {
            assertThat(result.getException()).isInstanceOf(ScimException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("cuts")
    void aUserCutShortIsAnInvalidResponse(int length) {
        assertInvalidResponse(getUserAnswered(Arrays.copyOf(USER_BYTES, length)));
    }

    @ParameterizedTest
    @MethodSource("notObjects")
    void aDocumentThatIsNotAnObjectIsAnInvalidResponse(JsonNode document) {
        assertInvalidResponse(getUserAnswered(bytes(document)));
    }

    @ParameterizedTest
    @MethodSource("wronglyTypedUsers")
    void aUserWithOneValueOfAnotherTypeIsReadOrRefused(byte[] body) {
        assertUserOrScimException(getUserAnswered(body));
    }

    /** Unless the noise happens to be a JSON object, which the model may read. */
    @ParameterizedTest
    @MethodSource("noise")
    void noiseIsAnInvalidResponse(byte[] body) {
        Exchange result = getUserAnswered(body);
        if (isJsonObject(body)) {
            assertUserOrScimException(result);
        } else {
            assertInvalidResponse(result);
        }
    }

    @ParameterizedTest
    @MethodSource("strainingUsers")
    void aDocumentBuiltToStrainTheParserIsReadOrRefused(byte[] body) {
        assertUserOrScimException(getUserAnswered(body));
    }

    static Stream<Named<Integer>> cuts() {
        return Generator.samples("cuts", Generator.integers(0, USER_BYTES.length - 1), 300,
                length -> length + " bytes");
    }

    static Stream<Named<JsonNode>> notObjects() {
        return Generator.samples("notObjects", jsonValue().filter(node -> !node.isObject()), 100,
                node -> visible(bytes(node)));
    }

    /** The user with one value, anywhere in it, replaced by a generated one. */
    static Stream<Named<byte[]>> wronglyTypedUsers() {
        Generator<byte[]> users = random -> {
            JsonNode user = tree(USER_BYTES);
            JsonNode value = jsonValue().next(random);
            List<Runnable> replacements = new ArrayList<>();
            collectReplacements(user, value, replacements);
            replacements.get(random.nextInt(replacements.size())).run();
            return bytes(user);
        };
        return Generator.samples("wronglyTypedUsers", users, 300, HostileResponseBodiesTest::visible);
    }

    /** Scalars, arrays and objects of a few members. */
    private static Generator<JsonNode> jsonValue() {
        Generator<JsonNode> scalar = Generator.frequency(
                weight(1, random -> NODES.numberNode(random.nextInt())),
                weight(1, random -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300))),
                weight(1, random -> NODES.booleanNode(random.nextBoolean())),
                weight(1, random -> NODES.nullNode()),
                weight(1, Generator.concat(Generator.unicode(), 0, 12).map(NODES::textNode)));
        Generator<JsonNode> array = scalar.list(0, 3).map(values -> NODES.arrayNode().addAll(values));
        Generator<String> name = Generator.strings(Generator.LETTERS, 1, 8);
        Generator<JsonNode> object = random -> {
            ObjectNode members = NODES.objectNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                members.set(name.next(random), scalar.next(random));
            }
            return members;
        };
        return Generator.frequency(weight(1, scalar), weight(1, array), weight(1, object));
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
    static Stream<Named<byte[]>> noise() {
        Generator<byte[]> bytes = random -> {
            byte[] noise = new byte[random.nextInt(2_001)];
            random.nextBytes(noise);
            return noise;
        };
        Generator<byte[]> tokens = Generator.concat(Generator.of("{", "}", "[", "]", ":", ",", "\"", "\"userName\"",
                        "\"id\"", "\"emails\"", "\"meta\"", "null", "true", "-", "0", "1e999", "\\u", "\\", " ", "\n",
                        "\u00e9", "\uFEFF"), 0, 40).map(text -> text.getBytes(StandardCharsets.UTF_8));
        return Generator.samples("noise", Generator.frequency(weight(1, bytes), weight(1, tokens)), 300,
                HostileResponseBodiesTest::visible);
    }

    /** The user with a value that is deeply nested, a huge number, a long string, or an object of many members. */
    static Stream<Named<byte[]>> strainingUsers() {
        Generator<String> nested = Generator.integers(100, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth));
        Generator<String> number = Generator.integers(100, 200_000).map(digits -> "9".repeat(digits));
        Generator<String> text = Generator.integers(10_000, 2_000_000).map(length -> "\"" + "x".repeat(length) + "\"");
        Generator<String> wide = Generator.integers(1_000, 50_000).map(members -> {
            StringBuilder object = new StringBuilder("{");
            for (int i = 0; i < members; i++) {
                object.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":").append(i);
            }
            return object.append('}').toString();
        });
        Generator<String> attribute = Generator.of("userName", "name", "emails", "active", "x-unknown");
        Generator<String> value = Generator.frequency(weight(1, nested), weight(1, number), weight(1, text),
                weight(1, wide));
        Generator<byte[]> users = random -> ("{\"schemas\":[\"" + ScimSchemas.CORE_USER + "\"],\"id\":\"lucid-1\",\""
                                             + attribute.next(random) + "\":" + value.next(random) + "}")
                .getBytes(StandardCharsets.UTF_8);
        return Generator.samples("strainingUsers", users, 40, HostileResponseBodiesTest::visible);
    }

    /** The length and the first bytes, printable: a name for a body in the test report. */
    private static String visible(byte[] body) {
        return body.length + " bytes: "
               + Generator.visible(new String(body, 0, Math.min(body.length, 80), StandardCharsets.ISO_8859_1));
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
