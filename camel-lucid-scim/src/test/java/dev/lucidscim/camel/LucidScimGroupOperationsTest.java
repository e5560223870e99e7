package dev.lucidscim.camel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
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

/** Each group operation: the exact request on the wire and what the route gets back. */
class LucidScimGroupOperationsTest extends LucidScimTestSupport {

    private static final String GROUP_PATH = "/scim/v2/Groups/lucid-group-7";
    private static final String GROUP_LOCATION = "https://users.lucid.app/scim/v2/Groups/lucid-group-7";
    private static final String ENGINEERING_FILTER = "filter=displayName%20eq%20%22Engineering%22";

    private static final String ENGINEERING_JSON = """
            {"schemas":["%s"],"id":"lucid-group-7","displayName":"Engineering",
             "members":[{"value":"lucid-1","display":"Jane Doe"},{"value":"lucid-2","display":"John Roe"}],
             "meta":{"resourceType":"Group","created":"2024-01-02T03:04:05Z","lastModified":"2024-02-03T04:05:06Z",
                     "location":"%s","version":"W/\\"5\\""}}
            """.formatted(ScimSchemas.CORE_GROUP, GROUP_LOCATION);

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static String membersPatch(String op, String... ids) {
        StringBuilder values = new StringBuilder();
        for (String id : ids) {
            values.append(values.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"" + op
               + "\",\"path\":\"members\",\"value\":[" + values + "]}]}";
    }

    private static void stubGroupPatch() {
        lucid.stubFor(patch(urlEqualTo(GROUP_PATH)).willReturn(okForContentType(SCIM_JSON, ENGINEERING_JSON)));
    }

    private static void assertOnlyOneRequestInAll() {
        assertThat(lucid.findAll(anyRequestedFor(anyUrl()))).as("requests sent to Lucid").hasSize(1);
    }

    // create, get, search, replace, patch, delete

    @Test
    void createPostsTheGroupAndReturnsTheCreatedOne() {
        lucid.stubFor(post("/scim/v2/Groups").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", SCIM_JSON).withHeader("Location", GROUP_LOCATION)
                .withBody(ENGINEERING_JSON)));
        ScimGroup engineering = ScimGroup.builder().displayName("Engineering")
                .memberIds(List.of("lucid-1", "lucid-2")).build();

        Exchange result = call("lucid-scim:groups?operation=create", engineering);

        assertThat(result.getException()).isNull();
        LoggedRequest request = onlyRequest(postRequestedFor(urlEqualTo("/scim/v2/Groups")));
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Content-Type")).isEqualTo(SCIM_JSON);
        assertThat(request.getBodyAsString()).isEqualToIgnoringWhitespace("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering",
                 "members":[{"value":"lucid-1"},{"value":"lucid-2"}]}""");
        assertOnlyOneRequestInAll();

        ScimGroup created = result.getMessage().getBody(ScimGroup.class);
        assertThat(created.id()).isEqualTo("lucid-group-7");
        assertThat(created.members()).extracting(ScimReference::display).containsExactly("Jane Doe", "John Roe");
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-group-7")
                .containsEntry(LucidScimConstants.STATUS_CODE, 201)
                .containsEntry(LucidScimConstants.OUTCOME, "created")
                .containsEntry(LucidScimConstants.LOCATION, GROUP_LOCATION)
                .containsEntry(LucidScimConstants.ETAG, "W/\"5\"");
    }

    @Test
    void createOfAGroupWithoutANameSendsNothing() {
        Exchange result = call("lucid-scim:groups?operation=create",
                ScimGroup.builder().memberIds(List.of("lucid-1")).build());

        assertThat(result.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("displayName is missing");
        assertNoRequestSent();
    }

    @Test
    void getReadsByIdFromTheHeaderOrTheBody() {
        lucid.stubFor(get(GROUP_PATH).willReturn(okForContentType(SCIM_JSON, ENGINEERING_JSON)));

        Exchange byHeader = call("lucid-scim:groups?operation=get", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));
        Exchange byBody = call("lucid-scim:groups?operation=get",
                ScimGroup.builder().id("lucid-group-7").build());

        assertThat(byHeader.getException()).isNull();
        assertThat(byBody.getException()).isNull();
        ScimGroup group = byHeader.getMessage().getBody(ScimGroup.class);
        assertThat(group.displayName()).isEqualTo("Engineering");
        assertThat(group.members()).extracting(ScimReference::value).containsExactly("lucid-1", "lucid-2");
        assertThat(byHeader.getMessage().getHeader(LucidScimConstants.STATUS_CODE)).isEqualTo(200);
        assertThat(byHeader.getMessage().getHeader(LucidScimConstants.OUTCOME)).isNull();
        assertThat(byBody.getMessage().getHeader(LucidScimConstants.RESOURCE_ID)).isEqualTo("lucid-group-7");
        lucid.verify(2, getRequestedFor(urlEqualTo(GROUP_PATH)));
        assertThat(lucid.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void searchByDisplayNameReadsEveryPage() {
        stubGroupPage(1, 3, "lucid-group-1", "lucid-group-2");
        stubGroupPage(3, 3, "lucid-group-3");

        Exchange result = call("lucid-scim:groups?operation=search&pageSize=2", null,
                Map.of(LucidScimConstants.FILTER, "displayName eq \"Engineering\""));

        assertThat(result.getException()).isNull();
        List<?> groups = result.getMessage().getBody(List.class);
        assertThat(groups).extracting(group -> ((ScimGroup) group).id())
                .containsExactly("lucid-group-1", "lucid-group-2", "lucid-group-3");
        assertThat(result.getMessage().getHeader(LucidScimConstants.TOTAL_RESULTS)).isEqualTo(3);
        lucid.verify(1, getRequestedFor(urlEqualTo("/scim/v2/Groups?" + ENGINEERING_FILTER + "&startIndex=1&count=2")));
        lucid.verify(1, getRequestedFor(urlEqualTo("/scim/v2/Groups?" + ENGINEERING_FILTER + "&startIndex=3&count=2")));
        assertThat(lucid.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void searchByDisplayNameReadsOnePageWhenAStartIndexIsGiven() {
        stubGroupPage(1, 7, "lucid-group-7");

        Exchange result = call("lucid-scim:groups?operation=search", null,
                Map.of(LucidScimConstants.FILTER, "displayName eq \"Engineering\"",
                        LucidScimConstants.START_INDEX, 1, LucidScimConstants.COUNT, 10));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).extracting(group -> ((ScimGroup) group).displayName())
                .containsExactly("Engineering");
        assertThat(result.getMessage().getHeader(LucidScimConstants.TOTAL_RESULTS)).isEqualTo(7);
        lucid.verify(1, getRequestedFor(urlEqualTo(
                "/scim/v2/Groups?" + ENGINEERING_FILTER + "&startIndex=1&count=10")));
        assertOnlyOneRequestInAll();
    }

    @Test
    void replacePutsTheWholeGroupMembersIncluded() {
        lucid.stubFor(put(GROUP_PATH).willReturn(okForContentType(SCIM_JSON, ENGINEERING_JSON)));
        ScimGroup renamed = ScimGroup.builder().id("lucid-group-7").displayName("Platform Engineering")
                .memberIds(List.of("lucid-1", "lucid-3")).attribute("description", "Builders").build();

        Exchange result = call("lucid-scim:groups?operation=replace", renamed);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("updated");
        assertThat(result.getMessage().getHeader(LucidScimConstants.STATUS_CODE)).isEqualTo(200);
        assertThat(result.getMessage().getBody(ScimGroup.class).id()).isEqualTo("lucid-group-7");
        lucid.verify(1, putRequestedFor(urlEqualTo(GROUP_PATH)).withRequestBody(equalToJson("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"lucid-group-7",
                 "displayName":"Platform Engineering","members":[{"value":"lucid-1"},{"value":"lucid-3"}],
                 "description":"Builders"}""")));
        assertOnlyOneRequestInAll();
    }

    @Test
    void replaceTakesTheIdFromTheHeaderOverTheBody() {
        lucid.stubFor(put(GROUP_PATH).willReturn(okForContentType(SCIM_JSON, ENGINEERING_JSON)));

        Exchange result = call("lucid-scim:groups?operation=replace",
                ScimGroup.builder().displayName("Engineering").members(List.of()).build(),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));

        assertThat(result.getException()).isNull();
        lucid.verify(1, putRequestedFor(urlEqualTo(GROUP_PATH)).withRequestBody(equalToJson(
                "{\"schemas\":[\"" + ScimSchemas.CORE_GROUP + "\"],\"displayName\":\"Engineering\",\"members\":[]}")));
    }

    @Test
    void patchSendsTheOperationsOfTheBody() {
        stubGroupPatch();

        Exchange result = call("lucid-scim:groups?operation=patch",
                PatchRequest.of(PatchOperation.replace("displayName", "Platform"),
                        PatchOperation.remove("members[value eq \"lucid-2\"]")),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("updated");
        assertThat(result.getMessage().getBody(ScimGroup.class).displayName()).isEqualTo("Engineering");
        assertThat(onlyRequest(patchRequestedFor(urlEqualTo(GROUP_PATH))).getBodyAsString())
                .isEqualToIgnoringWhitespace("""
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                         {"op":"replace","path":"displayName","value":"Platform"},
                         {"op":"remove","path":"members[value eq \\"lucid-2\\"]"}]}""");
        assertOnlyOneRequestInAll();
    }

    @Test
    void deleteNeedsNoHardDeleteOption() {
        lucid.stubFor(delete(GROUP_PATH).willReturn(aResponse().withStatus(204)));

        Exchange result = call("lucid-scim:groups?operation=delete", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isNull();
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "deleted")
                .containsEntry(LucidScimConstants.STATUS_CODE, 204)
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-group-7");
        lucid.verify(1, deleteRequestedFor(urlEqualTo(GROUP_PATH)));
        assertOnlyOneRequestInAll();
    }

    // addMembers and removeMembers

    @Test
    void addMembersFromAListHeader() {
        stubGroupPatch();

        Exchange result = call("lucid-scim:groups?operation=addMembers", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7",
                        LucidScimConstants.MEMBER_IDS, List.of("lucid-1", "lucid-3")));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "membersAdded")
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-group-7")
                .containsEntry(LucidScimConstants.STATUS_CODE, 200);
        assertThat(result.getMessage().getBody(ScimGroup.class).id()).isEqualTo("lucid-group-7");
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH))
                .withHeader("Content-Type", equalTo(SCIM_JSON))
                .withRequestBody(equalToJson(membersPatch("add", "lucid-1", "lucid-3"))));
        assertOnlyOneRequestInAll();
    }

    @Test
    void addMembersFromACommaSeparatedHeader() {
        lucid.stubFor(patch(urlEqualTo(GROUP_PATH)).willReturn(aResponse().withStatus(204)));

        Exchange result = call("lucid-scim:groups?operation=addMembers", "ignored body",
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7",
                        LucidScimConstants.MEMBER_IDS, " lucid-1, lucid-2 ,,lucid-3 "));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isNull();
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "membersAdded")
                .containsEntry(LucidScimConstants.STATUS_CODE, 204)
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-group-7");
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH))
                .withRequestBody(equalToJson(membersPatch("add", "lucid-1", "lucid-2", "lucid-3"))));
        assertOnlyOneRequestInAll();
    }

    @Test
    void removeMembersFromAListBody() {
        stubGroupPatch();

        Exchange result = call("lucid-scim:groups?operation=removeMembers", List.of("lucid-1", "lucid-2"),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("membersRemoved");
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH))
                .withRequestBody(equalToJson(membersPatch("remove", "lucid-1", "lucid-2"))));
        assertOnlyOneRequestInAll();
    }

    @Test
    void membersInAListBodyMayBeReferencesOrMaps() {
        stubGroupPatch();

        Exchange result = call("lucid-scim:groups?operation=addMembers",
                List.of(ScimReference.of("lucid-1"), Map.of("value", "lucid-2", "display", "John Roe")),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));

        assertThat(result.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH))
                .withRequestBody(equalToJson(membersPatch("add", "lucid-1", "lucid-2"))));
    }

    @Test
    void addAndRemoveMembersFromAGroupBodyHoldingIdAndMembers() {
        stubGroupPatch();
        ScimGroup body = ScimGroup.builder().id("lucid-group-7").memberIds(List.of("lucid-4", "lucid-5")).build();

        Exchange added = call("lucid-scim:groups?operation=addMembers", body);
        Exchange removed = call("lucid-scim:groups", body, Map.of(LucidScimConstants.OPERATION, "removeMembers"));

        assertThat(added.getException()).isNull();
        assertThat(removed.getException()).isNull();
        assertThat(added.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("membersAdded");
        assertThat(removed.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("membersRemoved");
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH))
                .withRequestBody(equalToJson(membersPatch("add", "lucid-4", "lucid-5"))));
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH))
                .withRequestBody(equalToJson(membersPatch("remove", "lucid-4", "lucid-5"))));
        assertThat(lucid.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void aGroupBodyGivenAsJsonIsReadAsAGroupNotAsCommaSeparatedIds() {
        // Bodies may be the model, a Map in SCIM shape or JSON. A JSON group must not be split on commas
        // and its fragments sent to Lucid as member ids.
        stubGroupPatch();
        String body = "{\"id\":\"lucid-group-7\",\"members\":[{\"value\":\"lucid-4\"},{\"value\":\"lucid-5\"}]}";

        Exchange result = call("lucid-scim:groups?operation=addMembers", body,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7"));

        assertThat(result.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH))
                .withRequestBody(equalToJson(membersPatch("add", "lucid-4", "lucid-5"))));
        assertOnlyOneRequestInAll();
    }

    @Test
    void aGroupBodyGivenAsAMapInScimShapeIsReadAsAGroup() {
        stubGroupPatch();
        Map<String, Object> body = Map.of("id", "lucid-group-7",
                "members", List.of(Map.of("value", "lucid-4"), Map.of("value", "lucid-5")));

        Exchange result = call("lucid-scim:groups?operation=removeMembers", body);

        assertThat(result.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH))
                .withRequestBody(equalToJson(membersPatch("remove", "lucid-4", "lucid-5"))));
        assertOnlyOneRequestInAll();
    }

    @Test
    void memberIdsHeaderWinsOverTheGroupBodysMembers() {
        stubGroupPatch();
        ScimGroup body = ScimGroup.builder().id("lucid-group-7").memberIds(List.of("lucid-4")).build();

        Exchange result = call("lucid-scim:groups?operation=removeMembers", body,
                Map.of(LucidScimConstants.MEMBER_IDS, "lucid-9"));

        assertThat(result.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH))
                .withRequestBody(equalToJson(membersPatch("remove", "lucid-9"))));
    }

    // rejected before any request

    @Test
    void userOperationsOnGroupsAreRejectedWithoutARequest() {
        Map<String, Object> id = Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7");

        Exchange deactivate = call("lucid-scim:groups?operation=deactivate", null, id);
        Exchange reactivateByHeader = call("lucid-scim:groups", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7", LucidScimConstants.OPERATION, "reactivate"));

        assertThat(deactivate.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("deactivate").hasMessageContaining("lucid-scim:groups");
        assertThat(reactivateByHeader.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("reactivate");
        assertThat(((ScimValidationException) deactivate.getException()).getStatus()).isZero();
        assertNoRequestSent();
    }

    @Test
    void memberOperationsOnUsersAreRejectedWithoutARequest() {
        Map<String, Object> headers = Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1234",
                LucidScimConstants.MEMBER_IDS, List.of("lucid-1"));

        Exchange add = call("lucid-scim:users?operation=addMembers", null, headers);
        Exchange remove = call("lucid-scim:users?operation=get", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1234", LucidScimConstants.OPERATION, "removeMembers"));

        assertThat(add.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("addMembers").hasMessageContaining("lucid-scim:users");
        assertThat(remove.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("removeMembers");
        assertNoRequestSent();
    }

    @Test
    void aMissingGroupIdIsRejectedWithoutARequest() {
        Exchange listBody = call("lucid-scim:groups?operation=addMembers", List.of("lucid-1"));
        Exchange headerIds = call("lucid-scim:groups?operation=removeMembers", null,
                Map.of(LucidScimConstants.MEMBER_IDS, "lucid-1"));
        Exchange groupBodyWithoutId = call("lucid-scim:groups?operation=addMembers",
                ScimGroup.builder().displayName("Engineering").memberIds(List.of("lucid-1")).build());
        Exchange getWithoutId = call("lucid-scim:groups?operation=get", null);
        Exchange deleteWithoutId = call("lucid-scim:groups?operation=delete", null);
        Exchange patchWithoutId = call("lucid-scim:groups?operation=patch",
                PatchRequest.of(PatchOperation.replace("displayName", "X")));

        for (Exchange result : List.of(listBody, headerIds, groupBodyWithoutId, getWithoutId, deleteWithoutId,
                patchWithoutId)) {
            assertThat(result.getException()).isInstanceOf(ScimValidationException.class)
                    .hasMessageContaining("No resource id");
        }
        assertNoRequestSent();
    }

    @Test
    void missingOrInvalidMemberIdsAreRejectedWithoutARequest() {
        Map<String, Object> id = Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7");

        Exchange none = call("lucid-scim:groups?operation=addMembers", List.of(), id);
        Exchange blank = call("lucid-scim:groups?operation=addMembers", " , ", id);
        Exchange slash = call("lucid-scim:groups?operation=removeMembers", List.of("lucid-1", "../Users/lucid-2"),
                id);
        Exchange badGroupId = call("lucid-scim:groups?operation=addMembers", List.of("lucid-1"),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-7/members"));

        assertThat(none.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("No member ids");
        assertThat(blank.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("No member ids");
        assertThat(slash.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("../Users/lucid-2");
        assertThat(badGroupId.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("one path segment");
        assertNoRequestSent();
    }

    @Test
    void aUserBodyIsNotAGroup() {
        Exchange result = call("lucid-scim:groups?operation=create",
                ScimUser.builder().userName("jane@example.com").build());

        assertThat(result.getException()).isInstanceOf(ScimValidationException.class);
        assertNoRequestSent();
    }

    private static void stubGroupPage(int startIndex, int total, String... ids) {
        String[] groups = Arrays.stream(ids)
                .map(id -> "{\"id\":\"" + id + "\",\"displayName\":\"Engineering\",\"members\":[]}")
                .toArray(String[]::new);
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Groups")).withQueryParam("startIndex", equalTo("" + startIndex))
                .willReturn(okForContentType(SCIM_JSON,
                        LucidScimUserOperationsTest.listOf(startIndex, total, groups))));
    }
}
