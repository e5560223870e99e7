package dev.lucidscim.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.lucidscim.error.ScimAuthenticationException;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimConflictException.Kind;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.error.ScimLicenseDependencyException;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.error.ScimRequestRejectedException;
import dev.lucidscim.error.ScimServerException;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every status the client maps, through a producer call: the exception type, what its message advises, and the
 * status, scimType, detail, method and path it carries. Error bodies are read leniently; success bodies that are not
 * the expected SCIM JSON fail as invalid responses; the bearer token never shows in a message.
 */
class LucidScimErrorMappingTest extends LucidScimTestSupport {

    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static ScimUser jane() {
        return ScimUser.builder().userName("jane@example.com").name("Jane", "Doe").email("jane@example.com")
                .active(true).build();
    }

    private static String scimError(int status, String scimType, String detail) {
        return "{\"schemas\":[\"" + ERROR_SCHEMA + "\"],\"status\":\"" + status + "\""
               + (scimType == null ? "" : ",\"scimType\":\"" + scimType + "\"")
               + (detail == null ? "" : ",\"detail\":" + json(detail)) + "}";
    }

    private static ResponseDefinitionBuilder scimErrorResponse(int status, String scimType, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", SCIM_JSON)
                .withBody(scimError(status, scimType, detail));
    }

    /** The exchange failed with exactly this type; its message never holds the token. */
    private static <E extends ScimException> E failure(Exchange result, Class<E> type) {
        assertThat(result.getException()).as("exception of the exchange").isExactlyInstanceOf(type);
        E exception = type.cast(result.getException());
        assertThat(exception.getMessage()).doesNotContain(TOKEN);
        return exception;
    }

    private Exchange getUser(String id) {
        return call("lucid-scim:users?operation=get", null, Map.of(LucidScimConstants.RESOURCE_ID, id));
    }

    // 400

    @Test
    void badRequestIsAValidationErrorWithStatusScimTypeDetailMethodAndPath() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(
                scimErrorResponse(400, "invalidValue", "Attribute 'title' is too long")));

        ScimValidationException e = failure(call("lucid-scim:users?operation=create", jane()),
                ScimValidationException.class);

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getScimType()).isEqualTo("invalidValue");
        assertThat(e.getDetail()).isEqualTo("Attribute 'title' is too long");
        assertThat(e.getRequest().method()).isEqualTo("POST");
        assertThat(e.getRequest().path()).isEqualTo("/Users");
        assertThat(e.getRequest().wasSent()).isTrue();
        assertThat(e.getMessage())
                .startsWith("Lucid rejected the request as invalid")
                .endsWith("[POST /Users -> HTTP 400, scimType=invalidValue, detail=Attribute 'title' is too long]")
                .doesNotContain("filter is not supported", "eq \"<value>\"");
        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Users")));
    }

    @Test
    void invalidFilterGetsTheFilterAdviceAndThePathWithoutTheQuery() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(
                scimErrorResponse(400, "invalidFilter", "Unsupported operator 'co'")));

        ScimValidationException e = failure(call("lucid-scim:users?operation=search", null,
                Map.of(LucidScimConstants.FILTER, "userName co \"jane\"")), ScimValidationException.class);

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getScimType()).isEqualTo("invalidFilter");
        assertThat(e.getDetail()).isEqualTo("Unsupported operator 'co'");
        assertThat(e.getRequest().method()).isEqualTo("GET");
        assertThat(e.getRequest().path()).isEqualTo("/Users");
        assertThat(e.getMessage())
                .contains("Lucid does not support this filter")
                .contains("one '<attribute> eq \"<value>\"' comparison")
                .contains("userName, emails.value, externalId or displayName")
                .contains("[GET /Users -> HTTP 400, scimType=invalidFilter, detail=Unsupported operator 'co']")
                .doesNotContain("filter=", "startIndex");
        lucid.verify(1, getRequestedFor(urlPathEqualTo("/scim/v2/Users")));
    }

    // 401, 403

    @Test
    void unauthorizedTellsToRegenerateTheToken() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer")));

        ScimAuthenticationException e = failure(getUser("lucid-1"), ScimAuthenticationException.class);

        assertThat(e.getStatus()).isEqualTo(401);
        assertThat(e.getRequest().method()).isEqualTo("GET");
        assertThat(e.getRequest().path()).isEqualTo("/Users/lucid-1");
        assertThat(e.getMessage())
                .contains("refused the bearer token")
                .contains("Admin > App Integration > SCIM")
                .contains("bearerToken option")
                .endsWith("[GET /Users/lucid-1 -> HTTP 401]");
        lucid.verify(1, getRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")));
    }

    @Test
    void forbiddenOnAUserByIdMeansTheUserDoesNotExist() {
        lucid.stubFor(get("/scim/v2/Users/lucid-404").willReturn(
                scimErrorResponse(403, null, "Access denied")));

        ScimNotFoundException e = failure(getUser("lucid-404"), ScimNotFoundException.class);

        assertThat(e.getStatus()).isEqualTo(403);
        assertThat(e.getDetail()).isEqualTo("Access denied");
        assertThat(e.getRequest().path()).isEqualTo("/Users/lucid-404");
        assertThat(e.getMessage()).contains("No such Lucid user").contains("403");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "group by id, lucid-scim:groups?operation=get, /Groups/lucid-group-1",
            "group search, lucid-scim:groups?operation=search, /Groups",
            "user search, lucid-scim:users?operation=search, /Users" })
    void forbiddenOnGroupsOrAListIsAnAuthenticationProblem(String what, String uri, String path) {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2" + path)).willReturn(
                scimErrorResponse(403, null, "Forbidden")));

        ScimAuthenticationException e = failure(call(uri, null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-1")), ScimAuthenticationException.class);

        assertThat(e.getStatus()).isEqualTo(403);
        assertThat(e.getDetail()).isEqualTo("Forbidden");
        assertThat(e.getRequest().method()).isEqualTo("GET");
        assertThat(e.getRequest().path()).isEqualTo(path);
        assertThat(e.getMessage())
                .contains("does not allow this token")
                .contains("SCIM is enabled")
                .contains("right integration (admin management or content access)")
                .contains("[GET " + path + " -> HTTP 403, detail=Forbidden]");
        lucid.verify(1, getRequestedFor(urlPathEqualTo("/scim/v2" + path)));
    }

    // 404

    @Test
    void notFoundSaysWhatIdsLookLike() {
        lucid.stubFor(get("/scim/v2/Groups/lucid-group-9").willReturn(
                scimErrorResponse(404, null, "Group lucid-group-9 not found")));

        ScimNotFoundException e = failure(call("lucid-scim:groups?operation=get", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-9")), ScimNotFoundException.class);

        assertThat(e.getStatus()).isEqualTo(404);
        assertThat(e.getScimType()).isNull();
        assertThat(e.getDetail()).isEqualTo("Group lucid-group-9 not found");
        assertThat(e.getRequest().method()).isEqualTo("GET");
        assertThat(e.getRequest().path()).isEqualTo("/Groups/lucid-group-9");
        assertThat(e.getMessage()).startsWith("Not found at Lucid")
                .contains("lucid-1234", "lucid-group-1234")
                .endsWith("[GET /Groups/lucid-group-9 -> HTTP 404, detail=Group lucid-group-9 not found]");
    }

    // 409

    @Test
    void conflictWithAnotherAccountNeedsAnAdminInvite() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(scimErrorResponse(409, "uniqueness",
                "User jane@example.com already exists in another Lucid account")));

        ScimConflictException e = failure(call("lucid-scim:users?operation=create", jane()),
                ScimConflictException.class);

        assertThat(e.getKind()).isEqualTo(Kind.EXISTS_IN_OTHER_ACCOUNT);
        assertThat(e.getStatus()).isEqualTo(409);
        assertThat(e.getScimType()).isEqualTo("uniqueness");
        assertThat(e.getDetail()).isEqualTo("User jane@example.com already exists in another Lucid account");
        assertThat(e.getRequest().method()).isEqualTo("POST");
        assertThat(e.getRequest().path()).isEqualTo("/Users");
        assertThat(e.getMessage()).contains("another Lucid account").contains("admin invite")
                .contains("Lucid admin panel");
    }

    @Test
    void uniquenessConflictIsADuplicateInThisAccount() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(scimErrorResponse(409, "uniqueness",
                "userName jane@example.com is already taken")));

        ScimConflictException e = failure(call("lucid-scim:users?operation=create", jane()),
                ScimConflictException.class);

        assertThat(e.getKind()).isEqualTo(Kind.DUPLICATE_IN_ACCOUNT);
        assertThat(e.getScimType()).isEqualTo("uniqueness");
        assertThat(e.getMessage()).contains("already taken in this Lucid account")
                .contains("deactivated user").contains("operation=reactivate");
        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Users")));
    }

    @Test
    void anotherUserOfThisAccountIsNotAnotherAccount() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(scimErrorResponse(409, "uniqueness",
                "Another user in this account\nalready has this e-mail")));

        ScimConflictException e = failure(call("lucid-scim:users?operation=create", jane()),
                ScimConflictException.class);

        assertThat(e.getKind()).isEqualTo(Kind.DUPLICATE_IN_ACCOUNT);
    }

    @Test
    void uniquenessWithoutDetailIsStillADuplicate() {
        lucid.stubFor(post("/scim/v2/Groups").willReturn(scimErrorResponse(409, "uniqueness", null)));

        ScimConflictException e = failure(call("lucid-scim:groups?operation=create",
                ScimGroup.builder().displayName("Engineering").build()), ScimConflictException.class);

        assertThat(e.getKind()).isEqualTo(Kind.DUPLICATE_IN_ACCOUNT);
        assertThat(e.getDetail()).isNull();
        assertThat(e.getRequest().path()).isEqualTo("/Groups");
    }

    @Test
    void conflictOnDeleteIsNotDeletable() {
        lucid.stubFor(delete("/scim/v2/Users/lucid-1").willReturn(scimErrorResponse(409, null,
                "This user cannot be removed")));

        ScimConflictException e = failure(call("lucid-scim:users?operation=delete&allowHardDelete=true", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1")), ScimConflictException.class);

        assertThat(e.getKind()).isEqualTo(Kind.NOT_DELETABLE);
        assertThat(e.getStatus()).isEqualTo(409);
        assertThat(e.getRequest().method()).isEqualTo("DELETE");
        assertThat(e.getRequest().path()).isEqualTo("/Users/lucid-1");
        assertThat(e.getMessage()).contains("will not delete this user").contains("deactivate it instead");
        lucid.verify(1, deleteRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")));
    }

    /**
     * A create cannot conflict as "not deletable", whatever words the detail holds: a userName such as
     * john.downer@... (holding "owner") or a group named "Deleted items" must not turn a duplicate into advice to
     * deactivate instead of deleting.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "users  | {\"userName\":\"john.downer@example.com\",\"emails\":[{\"value\":\"john.downer@example.com\"}]}"
                + " | userName john.downer@example.com already exists",
            "groups | {\"displayName\":\"Deleted items\"} | Group name Deleted items is already taken" })
    void conflictOnCreateIsNeverNotDeletable(String resource, String body, String detail) {
        lucid.stubFor(post(urlPathEqualTo("/scim/v2/" + (resource.equals("users") ? "Users" : "Groups")))
                .willReturn(scimErrorResponse(409, "uniqueness", detail)));

        ScimConflictException e = failure(call("lucid-scim:" + resource + "?operation=create", body),
                ScimConflictException.class);

        assertThat(e.getRequest().method()).isEqualTo("POST");
        assertThat(e.getKind()).isEqualTo(Kind.DUPLICATE_IN_ACCOUNT);
        assertThat(e.getMessage()).doesNotContain("will not delete");
    }

    // 424, 5xx, other 4xx

    @Test
    void failedDependencyNeedsABaseLicense() {
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Users/lucid-1")).willReturn(scimErrorResponse(424, null,
                "LucidscaleExplorer requires a Lucidchart license")));

        ScimLicenseDependencyException e = failure(call("lucid-scim:users?operation=patch",
                PatchRequest.of(PatchOperation.replace(
                        "urn:ietf:params:scim:schemas:extension:lucid:2.0:User:productLicenses.LucidscaleExplorer",
                        true)),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-1")), ScimLicenseDependencyException.class);

        assertThat(e.getStatus()).isEqualTo(424);
        assertThat(e.getDetail()).isEqualTo("LucidscaleExplorer requires a Lucidchart license");
        assertThat(e.getRequest().method()).isEqualTo("PATCH");
        assertThat(e.getRequest().path()).isEqualTo("/Users/lucid-1");
        assertThat(e.getMessage()).contains("base license").contains("Lucidchart or Lucidspark first");
        lucid.verify(1, patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")));
    }

    @Test
    void internalServerErrorIsAServerErrorAndNotRetried() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(scimErrorResponse(500, null, "Oops")));

        ScimServerException e = failure(getUser("lucid-1"), ScimServerException.class);

        assertThat(e.getStatus()).isEqualTo(500);
        assertThat(e.getDetail()).isEqualTo("Oops");
        assertThat(e.getRequest().method()).isEqualTo("GET");
        assertThat(e.getRequest().path()).isEqualTo("/Users/lucid-1");
        assertThat(e.getMessage()).startsWith("Lucid failed to handle the request: try again later")
                .contains("Lucid support");
        lucid.verify(1, getRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")));
    }

    @Test
    void methodNotAllowedIsARejectedRequest() {
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Groups/lucid-group-1")).willReturn(aResponse().withStatus(405)
                .withHeader("Allow", "GET, PUT, DELETE")));

        ScimRequestRejectedException e = failure(call("lucid-scim:groups?operation=addMembers", null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-group-1", LucidScimConstants.MEMBER_IDS, "lucid-1")),
                ScimRequestRejectedException.class);

        assertThat(e.getStatus()).isEqualTo(405);
        assertThat(e.getScimType()).isNull();
        assertThat(e.getDetail()).isNull();
        assertThat(e.getRequest().method()).isEqualTo("PATCH");
        assertThat(e.getRequest().path()).isEqualTo("/Groups/lucid-group-1");
        assertThat(e.getMessage()).isEqualTo("Lucid rejected the request [PATCH /Groups/lucid-group-1 -> HTTP 405]");
        lucid.verify(1, patchRequestedFor(urlEqualTo("/scim/v2/Groups/lucid-group-1")));
    }

    // lenient error bodies

    @Test
    void emptyErrorBodyStillMapsTheStatus() {
        lucid.stubFor(get("/scim/v2/Users/lucid-9").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", SCIM_JSON)));

        ScimNotFoundException e = failure(getUser("lucid-9"), ScimNotFoundException.class);

        assertThat(e.getStatus()).isEqualTo(404);
        assertThat(e.getScimType()).isNull();
        assertThat(e.getDetail()).isNull();
        assertThat(e.getMessage()).endsWith("[GET /Users/lucid-9 -> HTTP 404]");
    }

    @Test
    void plainTextErrorBodyBecomesTheDetailOnOneLine() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody("Bad Request:\n   filter is malformed\n")));

        ScimValidationException e = failure(call("lucid-scim:users?operation=search", null),
                ScimValidationException.class);

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getScimType()).isNull();
        assertThat(e.getDetail()).isEqualTo("Bad Request: filter is malformed");
        assertThat(e.getMessage()).contains("detail=Bad Request: filter is malformed]");
    }

    @Test
    void jsonErrorBodyWithoutScimFieldsIsAccepted() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"Conflict\",\"code\":42,\"nested\":{\"a\":[1,2]}}")));

        ScimConflictException e = failure(call("lucid-scim:users?operation=create", jane()),
                ScimConflictException.class);

        assertThat(e.getKind()).isEqualTo(Kind.UNSPECIFIED);
        assertThat(e.getStatus()).isEqualTo(409);
        assertThat(e.getScimType()).isNull();
        assertThat(e.getDetail()).isNull();
        assertThat(e.getMessage()).endsWith("[POST /Users -> HTTP 409]");
    }

    @Test
    void numericStatusAndApplicationJsonErrorBodyAreRead() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"schemas\":[\"" + ERROR_SCHEMA + "\"],\"status\":409,\"scimType\":\"uniqueness\","
                          + "\"detail\":\"userName already exists\"}")));

        ScimConflictException e = failure(call("lucid-scim:users?operation=create", jane()),
                ScimConflictException.class);

        assertThat(e.getKind()).isEqualTo(Kind.DUPLICATE_IN_ACCOUNT);
        assertThat(e.getScimType()).isEqualTo("uniqueness");
        assertThat(e.getDetail()).isEqualTo("userName already exists");
    }

    @ParameterizedTest
    @ValueSource(strings = { "[\"oops\"]", "{\"detail\":", "<html><body>Bad gateway</body></html>" })
    void errorBodyThatIsNotAScimErrorObjectIsKeptAsText(String body) {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(body)));

        ScimServerException e = failure(getUser("lucid-1"), ScimServerException.class);

        assertThat(e.getStatus()).isEqualTo(500);
        assertThat(e.getDetail()).isEqualTo(body);
    }

    @Test
    void longErrorBodyIsShortenedInTheDetail() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody("x".repeat(5_000))));

        ScimValidationException e = failure(getUser("lucid-1"), ScimValidationException.class);

        assertThat(e.getDetail()).startsWith("xxxx").endsWith("... (5000 characters)").hasSizeLessThan(530);
        assertThat(e.getMessage()).hasSizeLessThan(1_000);
    }

    // invalid success bodies

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":\"lucid-1\",\"userName\":\"jane@",
            "{\"id\":\"lucid-1\",\"userName\":\"jane@example.com\"",
            "not json at all",
            "[{\"id\":\"lucid-1\",\"userName\":\"jane@example.com\"}]",
            "\"lucid-1\"",
            "null" })
    void malformedTruncatedOrWronglyTypedSuccessBodyIsAnInvalidResponse(String body) {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON).withBody(body)));

        ScimInvalidResponseException e = failure(getUser("lucid-1"), ScimInvalidResponseException.class);

        assertThat(e.getStatus()).isEqualTo(200);
        assertThat(e.getRequest().method()).isEqualTo("GET");
        assertThat(e.getRequest().path()).isEqualTo("/Users/lucid-1");
        assertThat(e.getMessage()).contains("not a valid SCIM ScimUser")
                .endsWith("[GET /Users/lucid-1 -> HTTP 200]");
        assertThat(e.getCause()).as("the parse failure").isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "[{\"id\":\"lucid-1\"}]", "{\"totalResults\":1,\"Resources\":", "" })
    void searchAnswerThatIsNotAListResponseIsAnInvalidResponse(String body) {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON).withBody(body)));

        ScimInvalidResponseException e = failure(call("lucid-scim:users?operation=search", null),
                ScimInvalidResponseException.class);

        assertThat(e.getStatus()).isEqualTo(200);
        assertThat(e.getRequest().path()).isEqualTo("/Users");
        assertThat(e.getMessage()).contains("not a valid SCIM ListResponse");
    }

    @Test
    void createAnsweredWithATruncatedBodyIsAnInvalidResponse() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", SCIM_JSON).withBody("{\"id\":\"lucid-1\",\"userNa")));

        ScimInvalidResponseException e = failure(call("lucid-scim:users?operation=create", jane()),
                ScimInvalidResponseException.class);

        assertThat(e.getStatus()).isEqualTo(201);
        assertThat(e.getRequest().method()).isEqualTo("POST");
        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Users")));
    }

    // the token

    @Test
    void noMessageContainsTheToken() {
        lucid.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        lucid.stubFor(get("/scim/v2/Users/a").willReturn(aResponse().withStatus(401)));
        lucid.stubFor(get("/scim/v2/Users/b").willReturn(aResponse().withStatus(403)));
        lucid.stubFor(get("/scim/v2/Groups/c").willReturn(aResponse().withStatus(403)));
        lucid.stubFor(get("/scim/v2/Users/d").willReturn(scimErrorResponse(400, "invalidValue", "bad")));
        lucid.stubFor(get("/scim/v2/Users/e").willReturn(aResponse().withStatus(200).withBody("{")));
        lucid.stubFor(post("/scim/v2/Users").willReturn(scimErrorResponse(409, "uniqueness", "taken")));

        List<Exchange> results = new ArrayList<>();
        for (String id : List.of("a", "b", "d", "e", "z")) {
            results.add(getUser(id));
        }
        results.add(call("lucid-scim:groups?operation=get", null, Map.of(LucidScimConstants.RESOURCE_ID, "c")));
        results.add(call("lucid-scim:users?operation=create", jane()));

        assertThat(results).allSatisfy(result -> {
            assertThat(result.getException()).isInstanceOf(ScimException.class);
            assertNoToken(result.getException());
        });
        assertThat(lucid.findAll(anyRequestedFor(anyUrl()))).hasSize(7)
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
    }

    /** A server (or a proxy before it) that echoes the token back must not put it into the exception message. */
    @Test
    void tokenEchoedByTheServerIsNotRepeatedInTheMessage() {
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(scimErrorResponse(401, null,
                "Invalid bearer token " + TOKEN)));
        lucid.stubFor(get("/scim/v2/Users/lucid-2").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody("Bad request. Headers: Authorization: Bearer "
                                                                   + TOKEN)));

        Exchange unauthorized = getUser("lucid-1");
        Exchange badRequest = getUser("lucid-2");

        assertThat(unauthorized.getException()).isInstanceOf(ScimAuthenticationException.class);
        assertThat(badRequest.getException()).isInstanceOf(ScimValidationException.class);
        assertNoToken(unauthorized.getException());
        assertNoToken(badRequest.getException());
    }

    private static void assertNoToken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).as("message of %s", t.getClass().getSimpleName()).doesNotContain(TOKEN);
            assertThat(t.toString()).doesNotContain(TOKEN);
            if (t instanceof ScimException scim) {
                assertThat(String.valueOf(scim.getDetail())).as("detail").doesNotContain(TOKEN);
                assertThat(String.valueOf(scim.getRequest())).as("request").doesNotContain(TOKEN);
            }
        }
    }
}
