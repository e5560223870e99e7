package dev.lucidscim.camel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Each user operation: the exact request on the wire and what the route gets back. */
class LucidScimUserOperationsTest extends LucidScimTestSupport {

    private static final String JANE_JSON = """
            {"schemas":["%s","%s"],"id":"lucid-1234","userName":"jane@example.com",
             "name":{"givenName":"Jane","familyName":"Doe"},
             "emails":[{"value":"jane@example.com","type":"work","primary":true}],"active":true,
             "groups":[{"value":"lucid-group-7","display":"Engineering"}],
             "%s":{"department":"Engineering"},
             "meta":{"resourceType":"User","created":"2024-01-02T03:04:05Z","lastModified":"2024-02-03T04:05:06Z",
                     "location":"https://users.lucid.app/scim/v2/Users/lucid-1234","version":"W/\\"3\\""}}
            """.formatted(ScimSchemas.CORE_USER, ScimSchemas.ENTERPRISE_USER, ScimSchemas.ENTERPRISE_USER);

    private static ScimUser jane() {
        return ScimUser.builder().userName("jane@example.com").name("Jane", "Doe").email("jane@example.com")
                .active(true).build();
    }

    @Test
    void createPostsTheUserAndReturnsTheCreatedOne() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", SCIM_JSON)
                .withHeader("Location", "https://users.lucid.app/scim/v2/Users/lucid-1234")
                .withBody(JANE_JSON)));

        Exchange result = call("lucid-scim:users?operation=create", jane());

        assertThat(result.getException()).isNull();
        LoggedRequest request = onlyRequest(postRequestedFor(urlEqualTo("/scim/v2/Users")));
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Content-Type")).isEqualTo(SCIM_JSON);
        assertThat(request.getHeader("Accept")).startsWith(SCIM_JSON).contains("application/json");
        assertThat(request.getHeader("User-Agent")).startsWith("camel-lucid-scim/");
        assertThat(request.getBodyAsString()).isEqualToIgnoringWhitespace("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jane@example.com",
                 "name":{"familyName":"Doe","givenName":"Jane"},
                 "active":true,"emails":[{"value":"jane@example.com","type":"work","primary":true}]}""");

        ScimUser created = result.getMessage().getBody(ScimUser.class);
        assertThat(created.id()).isEqualTo("lucid-1234");
        assertThat(created.enterprise().department()).isEqualTo("Engineering");
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-1234")
                .containsEntry(LucidScimConstants.STATUS_CODE, 201)
                .containsEntry(LucidScimConstants.OUTCOME, "created")
                .containsEntry(LucidScimConstants.LOCATION, "https://users.lucid.app/scim/v2/Users/lucid-1234")
                .containsEntry(LucidScimConstants.ETAG, "W/\"3\"");
    }

    @Test
    void createAcceptsAMapOrJsonBody() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(JANE_JSON)));

        Exchange fromMap = call("lucid-scim:users?operation=create", Map.of("userName", "jane@example.com",
                "emails", List.of(Map.of("value", "jane@example.com"))));
        Exchange fromJson = call("lucid-scim:users?operation=create",
                "{\"userName\":\"jane@example.com\",\"emails\":[{\"value\":\"jane@example.com\"}]}");

        assertThat(fromMap.getException()).isNull();
        assertThat(fromJson.getException()).isNull();
        assertThat(fromJson.getMessage().getBody(ScimUser.class).id()).isEqualTo("lucid-1234");
        lucid.verify(2, postRequestedFor(urlEqualTo("/scim/v2/Users"))
                .withRequestBody(equalToJson("{\"userName\":\"jane@example.com\","
                                             + "\"emails\":[{\"value\":\"jane@example.com\"}]}", false, true)));
    }

    @Test
    void getReadsByIdFromTheHeader() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1234").willReturn(okForContentType(SCIM_JSON, JANE_JSON)));

        Exchange result = call("lucid-scim:users?operation=get", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1234"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(ScimUser.class).userName()).isEqualTo("jane@example.com");
        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isNull();
        lucid.verify(getRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1234")));
    }

    @Test
    void getEncodesTheIdAsOnePathSegment() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users/a%20b%3Fc%23d")).willReturn(okForContentType(SCIM_JSON,
                JANE_JSON)));

        Exchange result = call("lucid-scim:users?operation=get", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "a b?c#d"));

        assertThat(result.getException()).isNull();
        lucid.verify(getRequestedFor(urlEqualTo("/scim/v2/Users/a%20b%3Fc%23d")));
    }

    @Test
    void searchReadsEveryPageAdvancingByWhatWasReturned() {
        // The server returns 2 per page although 3 were asked for, and counts 5 in all.
        stubUserPage(1, 5, "lucid-1", "lucid-2");
        stubUserPage(3, 5, "lucid-3", "lucid-4");
        stubUserPage(5, 5, "lucid-5");

        Exchange result = call("lucid-scim:users?operation=search&pageSize=3", null,
                Map.of(LucidScimConstants.FILTER, "userName eq \"x\""));

        assertThat(result.getException()).isNull();
        List<?> users = result.getMessage().getBody(List.class);
        assertThat(users).extracting(user -> ((ScimUser) user).id())
                .containsExactly("lucid-1", "lucid-2", "lucid-3", "lucid-4", "lucid-5");
        assertThat(result.getMessage().getHeader(LucidScimConstants.TOTAL_RESULTS)).isEqualTo(5);
        lucid.verify(getRequestedFor(urlEqualTo(
                "/scim/v2/Users?filter=userName%20eq%20%22x%22&startIndex=3&count=3")));
        lucid.verify(3, getRequestedFor(urlPathEqualTo("/scim/v2/Users")));
    }

    @Test
    void searchStopsOnAnEmptyPageEvenWhenTheTotalSaysMore() {
        stubUserPage(1, 50, "lucid-1");
        stubUserPage(2, 50);

        Exchange result = call("lucid-scim:users?operation=search&pageSize=1", null);

        assertThat(result.getMessage().getBody(List.class)).hasSize(1);
        // the first page, then up to pagesInFlight (4) at once, those behind the empty one stopped, perhaps unsent
        assertThat(lucid.findAll(getRequestedFor(urlPathEqualTo("/scim/v2/Users")))).hasSizeBetween(2, 1 + 4);
    }

    @Test
    void searchOfOnePageWithAttributes() {
        stubUserPage(11, 40, "lucid-11");

        Exchange result = call("lucid-scim:users?operation=search&attributes=userName,active", null,
                Map.of(LucidScimConstants.START_INDEX, 11, LucidScimConstants.COUNT, 10));

        assertThat(result.getMessage().getBody(List.class)).hasSize(1);
        assertThat(result.getMessage().getHeader(LucidScimConstants.TOTAL_RESULTS)).isEqualTo(40);
        lucid.verify(1, getRequestedFor(urlEqualTo(
                "/scim/v2/Users?attributes=userName%2Cactive&startIndex=11&count=10")));
    }

    @Test
    void replacePutsTheWholeUserKeepingUnknownAttributes() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1234").willReturn(okForContentType(SCIM_JSON,
                JANE_JSON.replace("\"active\":true", "\"active\":true,\"nickName\":\"JD\""))));
        lucid.stubFor(put("/scim/v2/Users/lucid-1234").willReturn(okForContentType(SCIM_JSON, JANE_JSON)));

        ScimUser read = call("lucid-scim:users?operation=get", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1234")).getMessage().getBody(ScimUser.class);
        Exchange result = call("lucid-scim:users?operation=replace", read.toBuilder().title("CTO").build());

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("updated");
        String sent = onlyRequest(putRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1234"))).getBodyAsString();
        assertThat(sent).contains("\"title\":\"CTO\"", "\"nickName\":\"JD\"",
                "\"" + ScimSchemas.ENTERPRISE_USER + "\":{\"department\":\"Engineering\"}");
    }

    @Test
    void patchSendsTheOperationsOfTheBody() {
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Users/lucid-1234")).willReturn(okForContentType(SCIM_JSON,
                JANE_JSON)));

        Exchange result = call("lucid-scim:users?operation=patch",
                PatchRequest.of(PatchOperation.replace("title", "CTO"), PatchOperation.remove("phoneNumbers")),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1234"));

        assertThat(result.getException()).isNull();
        assertThat(onlyRequest(patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1234"))).getBodyAsString())
                .isEqualToIgnoringWhitespace("""
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                         {"op":"replace","path":"title","value":"CTO"},{"op":"remove","path":"phoneNumbers"}]}""");
    }

    @Test
    void patchSchemasCanBeReplaced() {
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Users/lucid-1234")).willReturn(aResponse().withStatus(204)));
        String schemas = "urn:ietf:params:scim:api:messages:2.0:PatchOp," + ScimSchemas.CORE_USER;

        Exchange result = call("lucid-scim:users?operation=patch&patchSchemas=" + schemas,
                List.of(Map.of("op", "replace", "path", "title", "value", "CTO")),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1234"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isNull();
        assertThat(result.getMessage().getHeader(LucidScimConstants.STATUS_CODE)).isEqualTo(204);
        assertThat(result.getMessage().getHeader(LucidScimConstants.RESOURCE_ID)).isEqualTo("lucid-1234");
        lucid.verify(patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1234")).withRequestBody(equalToJson(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\",\"" + ScimSchemas.CORE_USER + "\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CTO\"}]}")));
    }

    @Test
    void deactivateAndReactivatePatchActive() {
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Users/lucid-1234")).willReturn(okForContentType(SCIM_JSON,
                JANE_JSON)));

        Exchange off = call("lucid-scim:users?operation=deactivate", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1234"));
        Exchange on = call("lucid-scim:users", jane().toBuilder().id("lucid-1234").build(),
                Map.of(LucidScimConstants.OPERATION, "reactivate"));

        assertThat(off.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("deactivated");
        assertThat(on.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("reactivated");
        lucid.verify(patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1234")).withRequestBody(equalToJson(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")));
        lucid.verify(patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1234")).withRequestBody(equalToJson(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}")));
    }

    @Test
    void deactivateByUserNameLooksTheUserUpFirst() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(okForContentType(SCIM_JSON,
                listOf(1, 1, JANE_JSON))));
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Users/lucid-1234")).willReturn(okForContentType(SCIM_JSON,
                JANE_JSON)));

        Exchange result = call("lucid-scim:users?operation=deactivate",
                ScimUser.builder().userName("jane@example.com").build());

        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("deactivated");
        lucid.verify(getRequestedFor(urlEqualTo(
                "/scim/v2/Users?filter=userName%20eq%20%22jane%40example.com%22&startIndex=1&count=2")));
        lucid.verify(1, patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1234")));
    }

    @Test
    void deactivateOfAUserNameNoActiveUserHasChangesNothing() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(okForContentType(SCIM_JSON, listOf(1, 0))));

        Exchange result = call("lucid-scim:users?operation=deactivate",
                ScimUser.builder().userName("gone@example.com").build());

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("unchanged");
        lucid.verify(0, patchRequestedFor(urlPathEqualTo("/scim/v2/Users")));
    }

    @Test
    void deactivateOfAUserNameTwoUsersHoldChangesNothing() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(okForContentType(SCIM_JSON,
                listOf(1, 2, JANE_JSON, JANE_JSON.replace("lucid-1234", "lucid-5678")))));

        Exchange result = call("lucid-scim:users?operation=deactivate",
                ScimUser.builder().userName("jane@example.com").build());

        assertThat(result.getException()).isInstanceOf(ScimConflictException.class)
                .hasMessageContaining("More than one Lucid user has userName 'jane@example.com'");
        lucid.verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void reactivateWithoutAnIdSaysWhyItNeedsOne() {
        Exchange result = call("lucid-scim:users?operation=reactivate",
                ScimUser.builder().userName("jane@example.com").build());

        assertThat(result.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("hides deactivated users");
        assertNoRequestSent();
    }

    @Test
    void hardDeleteNeedsToBeAllowed() {
        lucid.stubFor(delete("/scim/v2/Users/lucid-1234").willReturn(aResponse().withStatus(204)));
        Map<String, Object> headers = Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1234");

        Exchange refused = call("lucid-scim:users?operation=delete", null, headers);
        assertThat(refused.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("operation=deactivate");
        assertNoRequestSent();

        Exchange deleted = call("lucid-scim:users?operation=delete&allowHardDelete=true", null, headers);
        assertThat(deleted.getException()).isNull();
        assertThat(deleted.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("deleted");
        assertThat(deleted.getMessage().getHeader(LucidScimConstants.STATUS_CODE)).isEqualTo(204);
        lucid.verify(1, deleteRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1234")));
    }

    @Test
    void getOfAMissingUserFailsWithNotFound() {
        lucid.stubFor(get("/scim/v2/Users/lucid-9").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", SCIM_JSON)
                .withBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"404\","
                          + "\"detail\":\"User lucid-9 not found\"}")));

        Exchange result = call("lucid-scim:users?operation=get", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-9"));

        assertThat(result.getException()).isInstanceOf(ScimNotFoundException.class)
                .hasMessageContaining("GET /Users/lucid-9 -> HTTP 404")
                .hasMessageContaining("User lucid-9 not found");
    }

    static String listOf(int startIndex, int total, String... resources) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":" + total
               + ",\"startIndex\":" + startIndex + ",\"itemsPerPage\":" + resources.length + ",\"Resources\":["
               + String.join(",", resources) + "]}";
    }

    private static void stubUserPage(int startIndex, int total, String... ids) {
        String[] users = Arrays.stream(ids)
                .map(id -> "{\"id\":\"" + id + "\",\"userName\":\"" + id + "@example.com\"}")
                .toArray(String[]::new);
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).withQueryParam("startIndex", equalTo("" + startIndex))
                .willReturn(okForContentType(SCIM_JSON, listOf(startIndex, total, users))));
    }
}
