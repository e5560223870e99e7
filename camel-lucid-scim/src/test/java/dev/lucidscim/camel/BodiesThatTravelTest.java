package dev.lucidscim.camel;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's bodies in routes that hand them on: camel-jackson's {@code marshal().json()} with its own default
 * mapper (no module registered), {@code unmarshal().json(ScimUser.class)}, and Camel's type converters to and from
 * {@code String}, {@code byte[]}, {@code InputStream}, {@code Map} and {@code JsonNode}, each giving exactly the SCIM
 * JSON the component reads and sends: ISO-8601 dates, no nulls, extension schemas and unknown attributes kept. Text
 * forms, and so {@code ${body}}, never show a password.
 */
class BodiesThatTravelTest extends LucidScimTestSupport {

    /** A Lucid user as Lucid answers it: dates, both extensions, an unknown extension schema and attribute. */
    private static final String LUCID_USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
            + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\",\"urn:example:custom:1.0:User\"],"
            + "\"id\":\"lucid-7\",\"externalId\":\"E-7\",\"userName\":\"ada@example.com\","
            + "\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},\"active\":true,"
            + "\"emails\":[{\"value\":\"ada@example.com\",\"type\":\"work\",\"primary\":true}],"
            + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Analytics\","
            + "\"manager\":{\"value\":\"lucid-1\"}},"
            + "\"urn:example:custom:1.0:User\":{\"badge\":\"42\"},\"nickName\":\"Countess\","
            + "\"meta\":{\"resourceType\":\"User\",\"created\":\"2024-03-01T09:15:00Z\","
            + "\"lastModified\":\"2024-05-02T10:00:30.250+02:00\",\"version\":\"W/\\\"3\\\"\"}}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get-as-json").to("lucid-scim:users?operation=get").marshal().json()
                        .to("mock:json");
                from("direct:search-as-json").to("lucid-scim:users?operation=search").marshal().json()
                        .to("mock:json");
                from("direct:json-to-user").unmarshal().json(JsonLibrary.Jackson, ScimUser.class).to("mock:user");
                from("direct:log").log("body: ${body}").setBody(simple("${body}", String.class)).to("mock:logged");
            }
        };
    }

    private static JsonNode tree(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    private ScimUser lucidUser() throws Exception {
        return ScimJson.read(LUCID_USER.getBytes(), ScimUser.class);
    }

    @Test
    void aUserFromLucidMarshalsWithCamelJacksonsDefaultMapperToTheJsonLucidSent() throws Exception {
        lucid.stubFor(get("/scim/v2/Users/lucid-7").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON).withBody(LUCID_USER)));
        MockEndpoint json = getMockEndpoint("mock:json");
        json.expectedMessageCount(1);

        Exchange result = call("direct:get-as-json", null, Map.of(LucidScimConstants.RESOURCE_ID, "lucid-7"));

        assertThat(result.getException()).isNull();
        String written = json.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        JsonNode expected = tree(LUCID_USER);
        // the same document; a date is the same instant written in ISO-8601 with its offset
        ((ObjectNode) expected.get("meta")).put("lastModified",
                "2024-05-02T10:00:30.25+02:00");
        assertThat(tree(written)).isEqualTo(expected);
        assertThat(tree(written)).isEqualTo(ScimJson.toTree(lucidUser()));
    }

    @Test
    void aSearchResultMarshalsToAJsonArrayOfUsers() throws Exception {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON).withBody("{\"totalResults\":1,\"Resources\":[" + LUCID_USER
                                                                + "]}")));
        MockEndpoint json = getMockEndpoint("mock:json");
        json.expectedMessageCount(1);

        call("direct:search-as-json", null);

        JsonNode written = tree(json.getReceivedExchanges().get(0).getMessage().getBody(String.class));
        assertThat(written.isArray()).isTrue();
        assertThat(written.get(0)).isEqualTo(ScimJson.toTree(lucidUser()));
    }

    @Test
    void unmarshalWithCamelJacksonGivesTheSameUserAsTheComponentReads() throws Exception {
        MockEndpoint users = getMockEndpoint("mock:user");
        users.expectedMessageCount(1);

        template.sendBody("direct:json-to-user", LUCID_USER);

        ScimUser read = users.getReceivedExchanges().get(0).getMessage().getBody(ScimUser.class);
        assertThat(read).isEqualTo(lucidUser());
        assertThat(read.meta().created()).isEqualTo(OffsetDateTime.of(2024, 3, 1, 9, 15, 0, 0, ZoneOffset.UTC));
        assertThat(read.extra()).containsKeys("urn:example:custom:1.0:User", "nickName");
    }

    @Test
    void aPlainObjectMapperWritesAndReadsTheModelAsTheComponentDoes() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        ScimUser user = lucidUser();

        assertThat(plain.readTree(plain.writeValueAsString(user))).isEqualTo(ScimJson.toTree(user));
        assertThat(plain.readValue(plain.writeValueAsString(user), ScimUser.class)).isEqualTo(user);
        ScimGroup group = ScimGroup.builder().displayName("Analytics").memberIds(List.of("lucid-7")).build();
        assertThat(plain.readTree(plain.writeValueAsString(group))).isEqualTo(ScimJson.toTree(group));
        assertThat(plain.writeValueAsString(group)).doesNotContain("null");
    }

    @Test
    void typeConvertersGiveTheJsonFormsAndBack() throws Exception {
        ScimUser user = lucidUser();
        var converter = context.getTypeConverter();
        JsonNode expected = ScimJson.toTree(user);

        assertThat(tree(converter.convertTo(String.class, user))).isEqualTo(expected);
        assertThat(tree(new String(converter.convertTo(byte[].class, user)))).isEqualTo(expected);
        try (InputStream in = converter.convertTo(InputStream.class, user)) {
            assertThat(tree(new String(in.readAllBytes()))).isEqualTo(expected);
        }
        assertThat(converter.convertTo(JsonNode.class, user)).isEqualTo(expected);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = converter.convertTo(Map.class, user);
        assertThat(map).containsEntry("userName", "ada@example.com").containsKey("urn:example:custom:1.0:User");

        assertThat(converter.convertTo(ScimUser.class, map)).isEqualTo(user);
        assertThat(converter.convertTo(ScimUser.class, expected)).isEqualTo(user);
        assertThat(converter.convertTo(ScimUser.class, converter.convertTo(String.class, user))).isEqualTo(user);
    }

    @Test
    void listsPatchesAndGroupsConvertToJsonToo() throws Exception {
        var converter = context.getTypeConverter();
        List<ScimUser> users = List.of(lucidUser(), lucidUser().toBuilder().id("lucid-8").build());
        PatchRequest patch = PatchRequest.of(PatchOperation.replace("title", "Countess"));

        assertThat(tree(converter.convertTo(String.class, users))).isEqualTo(ScimJson.toTree(users));
        assertThat(tree(converter.convertTo(String.class, patch))).isEqualTo(ScimJson.toTree(patch));
        assertThat(converter.convertTo(PatchRequest.class, converter.convertTo(String.class, patch))).isEqualTo(patch);
    }

    @Test
    void logAndSimpleShowReadableJsonWithoutThePassword() throws Exception {
        ScimUser withPassword = lucidUser().toBuilder().password("Correct-Horse-Battery-42").build();
        PatchRequest passwordChange = PatchRequest.of(PatchOperation.replace("password", "Correct-Horse-Battery-42"));
        MockEndpoint logged = getMockEndpoint("mock:logged");
        logged.expectedMessageCount(2);

        String log;
        try (LogCapture capture = new LogCapture(Level.INFO, "route1", "route2", "route3",
                "route4")) {
            template.sendBody("direct:log", withPassword);
            template.sendBody("direct:log", passwordChange);
            log = capture.text();
        }

        assertThat(log).contains("\"userName\":\"ada@example.com\"").doesNotContain("Correct-Horse-Battery-42");
        assertThat(logged.getReceivedExchanges()).allSatisfy(exchange ->
                assertThat(exchange.getMessage().getBody(String.class)).doesNotContain("Correct-Horse-Battery-42"));
    }
}
