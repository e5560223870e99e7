package dev.lucidscim.camel.dialect;

import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.model.ScimSchemas;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact wire form of what the dialects change: the {@code schemas} of creates and replaces (both dialects), the
 * removal of members (Lucid's value list, the RFC's filtered paths), the Location read from {@code meta.location}, and
 * the two PATCH forms ({@code patchForm}).
 */
class DialectWireFormTest extends LucidScimTestSupport {

    private static final String GROUP_PATH = "/scim/v2/Groups/lucid-group-7";
    private static final String USER_LOCATION = "https://scim.example.com/v2/Users/lucid-1";
    private static final String USER_JSON = """
            {"schemas":["%s"],"id":"lucid-1","userName":"jane@example.com","active":true,
             "meta":{"resourceType":"User","location":"%s"}}
            """.formatted(ScimSchemas.CORE_USER, USER_LOCATION);
    private static final String GROUP_JSON = """
            {"schemas":["%s"],"id":"lucid-group-7","displayName":"Engineering","members":[]}
            """.formatted(ScimSchemas.CORE_GROUP);

    @Test
    void aCreateWithoutSchemasListsTheCoreSchemaAndEveryExtensionPresent() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", SCIM_JSON).withBody(USER_JSON)));

        Exchange result = call("lucid-scim:users?operation=create", """
                {"userName":"jane@example.com","emails":[{"value":"jane@example.com"}],
                 "%s":{"department":"Sales"},
                 "urn:example:params:scim:schemas:extension:badge:2.0:User":{"badge":"7"}}
                """.formatted(ScimSchemas.ENTERPRISE_USER));

        assertThat(result.getException()).isNull();
        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Users")).withRequestBody(equalToJson("""
                {"schemas":["%s","%s","urn:example:params:scim:schemas:extension:badge:2.0:User"],
                 "userName":"jane@example.com","emails":[{"value":"jane@example.com"}],
                 "%s":{"department":"Sales"},
                 "urn:example:params:scim:schemas:extension:badge:2.0:User":{"badge":"7"}}
                """.formatted(ScimSchemas.CORE_USER, ScimSchemas.ENTERPRISE_USER, ScimSchemas.ENTERPRISE_USER))));
    }

    @Test
    void aReplaceOfAGroupGivenAsAMapWithoutSchemasListsTheCoreSchema() {
        lucid.stubFor(put(GROUP_PATH).willReturn(okForContentType(SCIM_JSON, GROUP_JSON)));

        Exchange result = call("lucid-scim:groups?operation=replace&dialect=standard",
                Map.of("displayName", "Engineering", "members", List.of()),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));

        assertThat(result.getException()).isNull();
        lucid.verify(1, putRequestedFor(urlEqualTo(GROUP_PATH)).withRequestBody(equalToJson("""
                {"schemas":["%s"],"displayName":"Engineering","members":[]}
                """.formatted(ScimSchemas.CORE_GROUP))));
    }

    @Test
    void theStandardDialectRemovesEachMemberByAFilteredPathInChunksOfMembersPerPatch() {
        lucid.stubFor(patch(urlEqualTo(GROUP_PATH)).willReturn(aResponse().withStatus(204)));

        Exchange result = call("lucid-scim:groups?operation=removeMembers&dialect=standard&membersPerPatch=2",
                List.of("lucid-1", "lucid-2", "lucid-\"3\""), Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));

        assertThat(result.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH)).withRequestBody(equalToJson("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"remove","path":"members[value eq \\"lucid-1\\"]"},
                 {"op":"remove","path":"members[value eq \\"lucid-2\\"]"}]}
                """)));
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH)).withRequestBody(equalToJson("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"remove","path":"members[value eq \\"lucid-\\\\\\"3\\\\\\"\\"]"}]}
                """)));
        assertThat(lucid.findAll(patchRequestedFor(urlEqualTo(GROUP_PATH)))).hasSize(2);
    }

    @Test
    void lucidsDialectRemovesMembersAsTheValueOfOneRemove() {
        lucid.stubFor(patch(urlEqualTo(GROUP_PATH)).willReturn(aResponse().withStatus(204)));

        Exchange result = call("lucid-scim:groups?operation=removeMembers&dialect=lucid",
                List.of("lucid-1", "lucid-2"), Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));

        assertThat(result.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH)).withRequestBody(equalToJson("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"remove","path":"members","value":[{"value":"lucid-1"},{"value":"lucid-2"}]}]}
                """)));
    }

    @Test
    void theLocationIsTheResourcesMetaLocationWhenTheAnswerHasNoLocationHeader() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(okForContentType(SCIM_JSON, USER_JSON)));

        Exchange result = call("lucid-scim:users?operation=get&dialect=standard", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LucidScimConstants.LOCATION)).isEqualTo(USER_LOCATION);
    }

    @Test
    void theLocationHeaderWinsOverMetaLocation() {
        String header = "https://scim.example.com/v2/Users/lucid-1?from=header";
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(okForContentType(SCIM_JSON, USER_JSON)
                .withHeader("Location", header)));

        Exchange result = call("lucid-scim:users?operation=get", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));

        assertThat(result.getMessage().getHeader(LucidScimConstants.LOCATION)).isEqualTo(header);
    }

    @Test
    void aPatchIsSentInTheRfcsFormByDefault() {
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Users/lucid-1")).willReturn(aResponse().withStatus(204)));

        Exchange result = call("lucid-scim:users?operation=deactivate", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));

        assertThat(result.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1"))
                .withHeader("Content-Type", equalTo(SCIM_JSON)).withRequestBody(equalToJson("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"active","value":false}]}""")));
    }

    @Test
    void lucidsPatchFormSendsApplicationJsonAndTheCoreUrnOfTheResourcePatched() {
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Users/lucid-1")).willReturn(aResponse().withStatus(204)));
        lucid.stubFor(patch(urlEqualTo(GROUP_PATH)).willReturn(aResponse().withStatus(204)));

        Exchange user = call("lucid-scim:users?operation=deactivate&patchForm=lucid", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1"));
        Exchange group = call("lucid-scim:groups?operation=addMembers&patchForm=lucid", List.of("lucid-1"),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));

        assertThat(user.getException()).isNull();
        assertThat(group.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1"))
                .withHeader("Content-Type", equalTo("application/json")).withRequestBody(equalToJson("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp","%s"],
                 "Operations":[{"op":"replace","path":"active","value":false}]}""".formatted(ScimSchemas.CORE_USER))));
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH))
                .withHeader("Content-Type", equalTo("application/json")).withRequestBody(equalToJson("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp","%s"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"lucid-1"}]}]}
                """.formatted(ScimSchemas.CORE_GROUP))));
    }
}
