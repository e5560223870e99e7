package dev.lucidscim.camel;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.LucidLicensing;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** How upsert decides, on the wire: match, then create, update exactly what differs, or send nothing. */
class LucidScimUpsertTest extends LucidScimTestSupport {

    private static final String USERS = "lucid-scim:users?operation=upsert";
    private static final String GROUPS = "lucid-scim:groups?operation=upsert";
    private static final String JANE_SEARCH
            = "/scim/v2/Users?filter=userName%20eq%20%22jane%40example.com%22&startIndex=1&count=2";
    private static final String JANE_PATH = "/scim/v2/Users/lucid-1234";
    private static final String ENGINEERING_SEARCH
            = "/scim/v2/Groups?filter=displayName%20eq%20%22Engineering%22&startIndex=1&count=2";
    private static final String GROUP_PATH = "/scim/v2/Groups/lucid-group-7";
    private static final String ENTERPRISE = ScimSchemas.ENTERPRISE_USER;
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /**
     * Jane as Lucid holds her: userName and e-mail in other case than the HR system sends, and attributes the route
     * does not manage (groups, meta, e-mail display, displayName, phone, an unknown attribute).
     */
    private static final String JANE_JSON = """
            {"schemas":["%s","%s"],"id":"lucid-1234","externalId":"E-1","userName":"Jane@Example.com",
             "name":{"givenName":"Jane","familyName":"Doe","formatted":"Jane Doe"},"displayName":"Jane Doe",
             "title":"Engineer","active":true,
             "emails":[{"value":"JANE@example.COM","type":"work","primary":true,"display":"Jane Doe"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
             "groups":[{"value":"lucid-group-7","display":"Engineering"}],
             "%s":{"department":"Engineering","costCenter":"CC-1"},
             "x-lucid-seat":"full",
             "meta":{"resourceType":"User","created":"2024-01-02T03:04:05Z","lastModified":"2024-02-03T04:05:06Z",
                     "location":"https://users.lucid.app/scim/v2/Users/lucid-1234","version":"W/\\"3\\""}}
            """.formatted(ScimSchemas.CORE_USER, ENTERPRISE, ENTERPRISE);

    private static final String JANE_INACTIVE_JSON = JANE_JSON.replace("\"active\":true", "\"active\":false");

    private static final String ENGINEERING_JSON = """
            {"schemas":["%s"],"id":"lucid-group-7","displayName":"Engineering","externalId":"G-1",
             "members":[{"value":"lucid-1","display":"Jane Doe"},{"value":"lucid-2","display":"John Roe"}],
             "meta":{"resourceType":"Group","location":"https://users.lucid.app/scim/v2/Groups/lucid-group-7"}}
            """.formatted(ScimSchemas.CORE_GROUP);

    /** What the HR system wants Jane to be. */
    private static ScimUser.Builder jane() {
        return ScimUser.builder().userName("jane@example.com").name("Jane", "Doe").email("jane@example.com")
                .title("Engineer").active(true)
                .enterprise(EnterpriseUser.builder().department("Engineering").build());
    }

    private static void stubJaneSearch(String... users) {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(okForContentType(SCIM_JSON,
                LucidScimUserOperationsTest.listOf(1, users.length, users))));
    }

    private static void stubJanePatch() {
        stubJanePatch(JANE_JSON);
    }

    /** @param answer Jane as Lucid answers the PATCH: as it made her */
    private static void stubJanePatch(String answer) {
        lucid.stubFor(patch(urlEqualTo(JANE_PATH)).willReturn(okForContentType(SCIM_JSON, answer)));
    }

    private static List<LoggedRequest> allRequests() {
        return lucid.findAll(anyRequestedFor(anyUrl()));
    }

    private static void assertNoWrite() {
        lucid.verify(0, postRequestedFor(anyUrl()));
        lucid.verify(0, patchRequestedFor(anyUrl()));
        lucid.verify(0, putRequestedFor(anyUrl()));
    }

    private static String patchOf(String... operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
    }

    private static String replace(String path, String jsonValue) {
        return "{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":" + jsonValue + "}";
    }

    // users

    @Test
    void aUserNobodyHasIsSearchedForThenCreated() {
        stubJaneSearch();
        lucid.stubFor(post("/scim/v2/Users").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", SCIM_JSON)
                .withHeader("Location", "https://users.lucid.app/scim/v2/Users/lucid-1234").withBody(JANE_JSON)));
        ScimUser desired = jane().build();

        Exchange result = call(USERS, desired);

        assertThat(result.getException()).isNull();
        List<LoggedRequest> requests = allRequests();
        assertThat(requests).extracting(request -> request.getMethod().getName() + " " + request.getUrl())
                .containsExactly("GET " + JANE_SEARCH, "POST /scim/v2/Users");
        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Users")).withRequestBody(equalToJson(json(desired))));
        assertThat(requests.get(1).getBodyAsString()).isEqualToIgnoringWhitespace("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"jane@example.com","name":{"familyName":"Doe","givenName":"Jane"},"title":"Engineer",
                 "active":true,"emails":[{"value":"jane@example.com","type":"work","primary":true}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Engineering"}}""");
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "created")
                .containsEntry(LucidScimConstants.STATUS_CODE, 201)
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-1234")
                .containsEntry(LucidScimConstants.CHANGED_ATTRIBUTES, List.of());
        assertThat(result.getMessage().getBody(ScimUser.class).id()).isEqualTo("lucid-1234");
    }

    @Test
    void aMatchWithNothingDifferentSendsOneRequestInAll() {
        stubJaneSearch(JANE_JSON);

        Exchange result = call(USERS, jane().build());

        assertThat(result.getException()).isNull();
        assertThat(allRequests()).hasSize(1);
        lucid.verify(1, getRequestedFor(urlEqualTo(JANE_SEARCH)));
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "unchanged")
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-1234")
                .containsEntry(LucidScimConstants.CHANGED_ATTRIBUTES, List.of());
        ScimUser body = result.getMessage().getBody(ScimUser.class);
        assertThat(body.id()).isEqualTo("lucid-1234");
        assertThat(body.userName()).isEqualTo("Jane@Example.com");
        assertThat(body.groups()).extracting(ScimReference::value).containsExactly("lucid-group-7");
        assertThat(body.extra()).containsEntry("x-lucid-seat", "full");
    }

    @Test
    void anUnchangedUpsertCarriesNoAnswerHeadersOfAnEarlierCall() {
        stubJaneSearch(JANE_JSON);

        Exchange result = call(USERS, jane().build(), Map.of(LucidScimConstants.STATUS_CODE, 201,
                LucidScimConstants.LOCATION, "https://users.lucid.app/scim/v2/Users/lucid-1",
                LucidScimConstants.ETAG, "W/\"1\"", "CamelLucidScimStatusCodeOfTheFeed", "kept"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeaders())
                .doesNotContainKeys(LucidScimConstants.STATUS_CODE, LucidScimConstants.LOCATION,
                        LucidScimConstants.ETAG)
                .containsEntry("CamelLucidScimStatusCodeOfTheFeed", "kept")
                .containsEntry(LucidScimConstants.OUTCOME, "unchanged");
    }

    @Test
    void aDifferentTitleAndDepartmentArePatchedAndNothingElse() {
        stubJaneSearch(JANE_JSON);
        stubJanePatch(JANE_JSON.replace("\"Engineer\"", "\"Engineering Manager\"")
                .replace("\"department\":\"Engineering\"", "\"department\":\"Platform\""));
        ScimUser promoted = jane().title("Engineering Manager")
                .enterprise(EnterpriseUser.builder().department("Platform").build()).build();

        Exchange result = call(USERS, promoted);

        assertThat(result.getException()).isNull();
        assertThat(allRequests()).extracting(request -> request.getMethod().getName() + " " + request.getUrl())
                .containsExactly("GET " + JANE_SEARCH, "PATCH " + JANE_PATH);
        lucid.verify(1, patchRequestedFor(urlEqualTo(JANE_PATH)).withRequestBody(equalToJson(patchOf(
                replace("title", "\"Engineering Manager\""),
                replace(ENTERPRISE + ":department", "\"Platform\"")), true, false)));
        assertThat(result.getMessage().getHeader(LucidScimConstants.CHANGED_ATTRIBUTES, List.class))
                .containsExactlyInAnyOrder("title", ENTERPRISE + ":department");
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "updated")
                .containsEntry(LucidScimConstants.STATUS_CODE, 200)
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-1234");
    }

    @Test
    void aChangedGivenNameIsPatchedByItsSubAttributePath() {
        stubJaneSearch(JANE_JSON);
        stubJanePatch(JANE_JSON.replace("\"givenName\":\"Jane\"", "\"givenName\":\"Janet\""));

        Exchange result = call(USERS, jane().name("Janet", "Doe").build());

        assertThat(result.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo(JANE_PATH)).withRequestBody(equalToJson(patchOf(
                replace("name.givenName", "\"Janet\"")))));
        assertThat(result.getMessage().getHeader(LucidScimConstants.CHANGED_ATTRIBUTES))
                .isEqualTo(List.of("name.givenName"));
        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("updated");
        assertThat(allRequests()).hasSize(2);
    }

    @Test
    void anInactiveDesiredUserDeactivatesAnActiveOne() {
        stubJaneSearch(JANE_JSON);
        stubJanePatch(JANE_INACTIVE_JSON);

        Exchange result = call(USERS, jane().active(false).build());

        assertThat(result.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo(JANE_PATH)).withRequestBody(equalToJson(patchOf(
                replace("active", "false")))));
        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("deactivated");
        assertThat(result.getMessage().getHeader(LucidScimConstants.CHANGED_ATTRIBUTES)).isEqualTo(List.of("active"));
        assertThat(allRequests()).hasSize(2);
    }

    @Test
    void aPatchAnsweredWithTheOldValueIsNoUpdateAndTheNextUpsertDoesNotWriteIt() {
        stubJaneSearch(JANE_JSON);
        stubJanePatch();

        Exchange first = call(USERS, jane().title("Staff Engineer").build());
        Exchange second = call(USERS, jane().title("Staff Engineer").build());

        lucid.verify(1, patchRequestedFor(urlEqualTo(JANE_PATH)).withRequestBody(equalToJson(patchOf(
                replace("title", "\"Staff Engineer\"")))));
        assertThat(first.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "unchanged")
                .containsEntry(LucidScimConstants.CHANGED_ATTRIBUTES, List.of())
                .containsEntry(LucidScimConstants.IGNORED_ATTRIBUTES, List.of("title"));
        assertThat(second.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "unchanged")
                .containsEntry(LucidScimConstants.IGNORED_ATTRIBUTES, List.of("title"));
        assertThat(allRequests()).as("search, PATCH, search").hasSize(3);
    }

    @Test
    void aWholeExtensionWrittenAndAnsweredWithOtherLicencesNamesTheLicenceNotKept() {
        stubJaneSearch(JANE_JSON);
        stubJanePatch(JANE_JSON.replace("\"x-lucid-seat\"", "\"" + ScimSchemas.LUCID_USER_V2 + "\":"
                + "{\"productLicenses\":{\"Lucidchart\":false,\"Lucidspark\":true}},\"x-lucid-seat\""));

        Exchange result = call(USERS, jane().lucidV2(LucidLicensing.of(Map.of("Lucidchart", true, "Lucidspark", true)))
                .build());

        // Lucid's Jane has no licensing extension: it is written whole, and the answer shows one licence not kept
        lucid.verify(1, patchRequestedFor(urlEqualTo(JANE_PATH)).withRequestBody(equalToJson(patchOf(replace(
                ScimSchemas.LUCID_USER_V2, "{\"productLicenses\":{\"Lucidchart\":true,\"Lucidspark\":true}}")))));
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "updated")
                .containsEntry(LucidScimConstants.IGNORED_ATTRIBUTES,
                        List.of(ScimSchemas.LUCID_USER_V2 + ":productLicenses.Lucidchart"));
    }

    @Test
    void aPatchAnsweredWithoutABodyIsAnUpdateAndCostsNoRead() {
        stubJaneSearch(JANE_JSON);
        lucid.stubFor(patch(urlEqualTo(JANE_PATH)).willReturn(aResponse().withStatus(204)));

        Exchange result = call(USERS, jane().title("Staff Engineer").build());

        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "updated")
                .containsEntry(LucidScimConstants.CHANGED_ATTRIBUTES, List.of("title"))
                .containsEntry(LucidScimConstants.IGNORED_ATTRIBUTES, List.of());
        assertThat(allRequests()).as("search, PATCH").hasSize(2);
    }

    @Test
    void anInactiveDesiredUserNobodyHasIsNotCreated() {
        stubJaneSearch();

        Exchange result = call(USERS, jane().active(false).build());

        assertThat(result.getException()).isNull();
        assertThat(allRequests()).hasSize(1);
        lucid.verify(1, getRequestedFor(urlEqualTo(JANE_SEARCH)));
        assertNoWrite();
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "unchanged")
                .containsEntry(LucidScimConstants.CHANGED_ATTRIBUTES, List.of());
    }

    @Test
    void aConflictOnCreateExplainsHiddenDeactivatedUsersAndIsNotRetried() {
        stubJaneSearch();
        lucid.stubFor(post("/scim/v2/Users").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", SCIM_JSON)
                .withBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"409\","
                          + "\"scimType\":\"uniqueness\",\"detail\":\"User jane@example.com already exists\"}")));

        Exchange result = call(USERS, jane().build());

        assertThat(result.getException()).isInstanceOf(ScimConflictException.class)
                .hasMessageContaining("no active user with userName 'jane@example.com'")
                .hasMessageContaining("an account for this userName or e-mail that it hides from searches")
                .hasMessageContaining("operation=reactivate")
                .hasMessageContaining(LucidScimConstants.RESOURCE_ID)
                .hasMessageContaining("HTTP 409");
        ScimConflictException conflict = (ScimConflictException) result.getException();
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getKind()).isEqualTo(ScimConflictException.Kind.DUPLICATE_IN_ACCOUNT);
        assertThat(conflict.getMessage()).doesNotContain(TOKEN);
        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Users")));
        lucid.verify(1, getRequestedFor(urlEqualTo(JANE_SEARCH)));
        assertThat(allRequests()).hasSize(2);
    }

    @Test
    void externalIdAsMatchAttributeSearchesOnExternalId() {
        stubJaneSearch(JANE_JSON);

        Exchange result = call(USERS + "&matchAttribute=externalId", jane().externalId("E-1").build());

        assertThat(result.getException()).isNull();
        lucid.verify(1, getRequestedFor(urlEqualTo(
                "/scim/v2/Users?filter=externalId%20eq%20%22E-1%22&startIndex=1&count=2")));
        assertThat(allRequests()).hasSize(1);
        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("unchanged");
    }

    @Test
    void externalIdAsMatchAttributeNeedsAnExternalId() {
        Exchange result = call(USERS + "&matchAttribute=externalId", jane().build());

        assertThat(result.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("externalId is missing");
        assertNoRequestSent();
    }

    @Test
    void twoMatchesAreAnAmbiguousMatchAndNothingIsWritten() {
        stubJaneSearch(JANE_JSON, JANE_JSON.replace("lucid-1234", "lucid-5678"));

        Exchange result = call(USERS, jane().title("CTO").build());

        assertThat(result.getException()).isInstanceOf(ScimConflictException.class)
                .hasMessageContaining("More than one Lucid user has userName 'jane@example.com'");
        assertThat(((ScimConflictException) result.getException()).getKind())
                .isEqualTo(ScimConflictException.Kind.AMBIGUOUS_MATCH);
        assertNoWrite();
        assertThat(allRequests()).hasSize(1);
    }

    @Test
    void anIdHeaderReadsTheUserByIdAndReactivatesIt() {
        lucid.stubFor(get(urlEqualTo(JANE_PATH)).willReturn(okForContentType(SCIM_JSON, JANE_INACTIVE_JSON)));
        stubJanePatch();

        Exchange result = call(USERS, jane().build(), Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1234"));

        assertThat(result.getException()).isNull();
        assertThat(allRequests()).extracting(request -> request.getMethod().getName() + " " + request.getUrl())
                .containsExactly("GET " + JANE_PATH, "PATCH " + JANE_PATH);
        lucid.verify(0, getRequestedFor(urlPathEqualTo("/scim/v2/Users")));
        lucid.verify(1, patchRequestedFor(urlEqualTo(JANE_PATH)).withRequestBody(equalToJson(patchOf(
                replace("active", "true")))));
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "reactivated")
                .containsEntry(LucidScimConstants.CHANGED_ATTRIBUTES, List.of("active"))
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-1234");
    }

    @Test
    void aMalformedEmailIsRejectedBeforeAnyRequest() {
        Exchange result = call(USERS, jane().email("jane@@example").build());

        assertThat(result.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("jane@@example").hasMessageContaining("not a valid address");
        assertThat(((ScimValidationException) result.getException()).getStatus()).isZero();
        assertNoRequestSent();
    }

    @Test
    void theMatchValueIsEscapedInTheFilter() {
        stubJaneSearch();
        lucid.stubFor(post("/scim/v2/Users").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", SCIM_JSON).withBody(JANE_JSON)));

        Exchange result = call(USERS, ScimUser.builder().userName("o\"brien\\x@example.com")
                .email("obrien@example.com").build());

        assertThat(result.getException()).isNull();
        lucid.verify(1, getRequestedFor(urlEqualTo(
                "/scim/v2/Users?filter=userName%20eq%20%22o%5C%22brien%5C%5Cx%40example.com%22&startIndex=1&count=2")));
    }

    // groups

    @Test
    void aGroupNobodyHasIsSearchedForByDisplayNameThenCreated() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Groups")).willReturn(okForContentType(SCIM_JSON,
                LucidScimUserOperationsTest.listOf(1, 0))));
        lucid.stubFor(post("/scim/v2/Groups").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", SCIM_JSON).withBody(ENGINEERING_JSON)));

        Exchange result = call(GROUPS, ScimGroup.builder().displayName("Engineering")
                .memberIds(List.of("lucid-1", "lucid-2")).build());

        assertThat(result.getException()).isNull();
        assertThat(allRequests()).extracting(request -> request.getMethod().getName() + " " + request.getUrl())
                .containsExactly("GET " + ENGINEERING_SEARCH, "POST /scim/v2/Groups");
        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Groups")).withRequestBody(equalToJson("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering",
                 "members":[{"value":"lucid-1"},{"value":"lucid-2"}]}""")));
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "created")
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-group-7");
    }

    @Test
    void givenMembersAreReachedWithOnePatchThatAddsAndRemoves() {
        stubEngineeringSearch();
        lucid.stubFor(patch(urlEqualTo(GROUP_PATH)).willReturn(okForContentType(SCIM_JSON, ENGINEERING_JSON)));

        Exchange result = call(GROUPS, ScimGroup.builder().displayName("Engineering")
                .memberIds(List.of("lucid-1", "lucid-3", "lucid-4")).build());

        assertThat(result.getException()).isNull();
        assertThat(allRequests()).extracting(request -> request.getMethod().getName() + " " + request.getUrl())
                .containsExactly("GET " + ENGINEERING_SEARCH, "PATCH " + GROUP_PATH);
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH)).withRequestBody(equalToJson(patchOf(
                "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"lucid-3\"},{\"value\":\"lucid-4\"}]}",
                "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"lucid-2\"}]}"), true, false)));
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "updated")
                .containsEntry(LucidScimConstants.CHANGED_ATTRIBUTES, List.of("members"));
    }

    @Test
    void anEmptyMemberListRemovesEveryMember() {
        stubEngineeringSearch();
        lucid.stubFor(patch(urlEqualTo(GROUP_PATH)).willReturn(aResponse().withStatus(204)));

        Exchange result = call(GROUPS, ScimGroup.builder().displayName("Engineering").members(List.of()).build());

        assertThat(result.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH)).withRequestBody(equalToJson(patchOf(
                "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"lucid-1\"},{\"value\":\"lucid-2\"}]}"),
                true, false)));
        assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("updated");
    }

    @Test
    void membersMissingFromTheSearchResultAreReadByIdBeforeDeciding() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Groups")).willReturn(okForContentType(SCIM_JSON,
                LucidScimUserOperationsTest.listOf(1, 1, "{\"id\":\"lucid-group-7\",\"displayName\":\"Engineering\"}"))));
        lucid.stubFor(get(urlEqualTo(GROUP_PATH)).willReturn(okForContentType(SCIM_JSON, ENGINEERING_JSON)));
        lucid.stubFor(patch(urlEqualTo(GROUP_PATH)).willReturn(okForContentType(SCIM_JSON, ENGINEERING_JSON)));

        Exchange result = call(GROUPS, ScimGroup.builder().displayName("Engineering")
                .memberIds(List.of("lucid-1", "lucid-3")).build());

        assertThat(result.getException()).isNull();
        assertThat(allRequests()).extracting(request -> request.getMethod().getName() + " " + request.getUrl())
                .containsExactly("GET " + ENGINEERING_SEARCH, "GET " + GROUP_PATH, "PATCH " + GROUP_PATH);
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH)).withRequestBody(equalToJson(patchOf(
                "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"lucid-3\"}]}",
                "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"lucid-2\"}]}"), true, false)));
    }

    @Test
    void membersNotGivenAreLeftAlone() {
        stubEngineeringSearch();
        lucid.stubFor(patch(urlEqualTo(GROUP_PATH)).willReturn(okForContentType(SCIM_JSON, ENGINEERING_JSON)));

        Exchange nameOnly = call(GROUPS, ScimGroup.builder().displayName("Engineering").build());
        assertThat(nameOnly.getException()).isNull();
        assertThat(nameOnly.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("unchanged");
        assertNoWrite();

        Exchange newExternalId = call(GROUPS, ScimGroup.builder().displayName("Engineering").externalId("G-2")
                .build());
        assertThat(newExternalId.getException()).isNull();
        lucid.verify(1, patchRequestedFor(urlEqualTo(GROUP_PATH)).withRequestBody(equalToJson(patchOf(
                replace("externalId", "\"G-2\"")))));
        assertThat(newExternalId.getMessage().getHeader(LucidScimConstants.CHANGED_ATTRIBUTES))
                .isEqualTo(List.of("externalId"));
        assertThat(newExternalId.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("updated");
    }

    @Test
    void aGroupWithNothingDifferentIsNotWritten() {
        stubEngineeringSearch();

        Exchange result = call(GROUPS, ScimGroup.builder().displayName("Engineering").externalId("G-1")
                .memberIds(List.of("lucid-2", "lucid-1")).build());

        assertThat(result.getException()).isNull();
        assertThat(allRequests()).hasSize(1);
        lucid.verify(1, getRequestedFor(urlEqualTo(ENGINEERING_SEARCH)));
        assertThat(result.getMessage().getHeaders())
                .containsEntry(LucidScimConstants.OUTCOME, "unchanged")
                .containsEntry(LucidScimConstants.RESOURCE_ID, "lucid-group-7")
                .containsEntry(LucidScimConstants.CHANGED_ATTRIBUTES, List.of());
        assertThat(result.getMessage().getBody(ScimGroup.class).members()).extracting(ScimReference::display)
                .containsExactly("Jane Doe", "John Roe");
    }

    @Test
    void aGroupWithoutADisplayNameIsRejectedBeforeAnyRequest() {
        Exchange result = call(GROUPS, ScimGroup.builder().memberIds(List.of("lucid-1")).build());

        assertThat(result.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("displayName is missing");
        assertNoRequestSent();
        lucid.verify(0, getRequestedFor(urlPathMatching("/scim/v2/.*")));
    }

    @Test
    void twoGroupsOfTheNameAreAnAmbiguousMatchAndNothingIsWritten() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Groups")).willReturn(okForContentType(SCIM_JSON,
                LucidScimUserOperationsTest.listOf(1, 2, ENGINEERING_JSON,
                        ENGINEERING_JSON.replace("lucid-group-7", "lucid-group-8")))));

        Exchange result = call(GROUPS, ScimGroup.builder().displayName("Engineering").build());

        assertThat(result.getException()).isInstanceOf(ScimConflictException.class)
                .hasMessageContaining("More than one Lucid group is named 'Engineering'");
        assertThat(((ScimConflictException) result.getException()).getKind())
                .isEqualTo(ScimConflictException.Kind.AMBIGUOUS_MATCH);
        assertNoWrite();
        assertThat(allRequests()).hasSize(1);
    }

    @Test
    void theGroupNameIsEscapedInTheFilter() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Groups")).willReturn(okForContentType(SCIM_JSON,
                LucidScimUserOperationsTest.listOf(1, 0))));
        lucid.stubFor(post("/scim/v2/Groups").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", SCIM_JSON).withBody(ENGINEERING_JSON)));

        Exchange result = call(GROUPS, ScimGroup.builder().displayName("R&D \"Core\"").build());

        assertThat(result.getException()).isNull();
        lucid.verify(1, getRequestedFor(urlEqualTo(
                "/scim/v2/Groups?filter=displayName%20eq%20%22R%26D%20%5C%22Core%5C%22%22&startIndex=1&count=2")));
    }

    private static void stubEngineeringSearch() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Groups")).willReturn(okForContentType(SCIM_JSON,
                LucidScimUserOperationsTest.listOf(1, 1, ENGINEERING_JSON))));
    }
}
