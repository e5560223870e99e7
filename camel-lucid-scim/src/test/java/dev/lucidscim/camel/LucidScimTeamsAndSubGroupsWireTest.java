package dev.lucidscim.camel;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimGroup;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire forms of teams and sub-groups: Lucid's refusals of a team write as typed exceptions with status and SCIM
 * detail, the POST answer that tells a restored team from a new one, and the PATCH an upsert sends to a group that
 * holds a sub-group.
 */
class LucidScimTeamsAndSubGroupsWireTest extends LucidScimTestSupport {

    private static final String TEAMS = "lucid-scim:groups?integration=contentAccess";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static ResponseDefinitionBuilder error(int status, String scimType, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", SCIM_JSON).withBody(
                "{\"schemas\":[\"" + ERROR + "\"],\"status\":\"" + status + "\",\"scimType\":\"" + scimType
                + "\",\"detail\":\"" + detail + "\"}");
    }

    /** A team as Lucid answers a write of it; null timestamps leave meta out. */
    private static String team(String id, String name, String created, String lastModified, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String member : memberIds) {
            members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(member)
                    .append("\",\"type\":\"User\"}");
        }
        String meta = created == null ? "" : ",\"meta\":{\"resourceType\":\"Group\",\"created\":\"" + created
                                             + "\",\"lastModified\":\"" + lastModified + "\",\"version\":\"W/\\\"3\\\"\"}";
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"" + id + "\",\"displayName\":\""
               + name + "\",\"members\":[" + members + "]" + meta + "}";
    }

    private static String outcome(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getHeader(LucidScimConstants.OUTCOME, String.class);
    }

    @Test
    void lucidsRefusalOfAGroupInATeamIsAValidationErrorWithItsStatusAndDetail() {
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Groups/lucid-team-3")).willReturn(error(400, "invalidValue",
                "Member lucid-88 is an organizational group: a team (the content access integration's group) holds "
                + "users only")));

        // an id the component cannot tell for a group: Lucid's answer is the check
        Exchange added = call(TEAMS + "&operation=addMembers", null, Map.of(LucidScimConstants.RESOURCE_ID,
                "lucid-team-3", LucidScimConstants.MEMBER_IDS, List.of("lucid-88")));

        ScimValidationException refused = (ScimValidationException) added.getException();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getScimType()).isEqualTo("invalidValue");
        assertThat(refused.getDetail()).contains("lucid-88", "holds users only");
        assertThat(refused.getRequest().method()).isEqualTo("PATCH");
        assertThat(refused.getRequest().path()).isEqualTo("/Groups/lucid-team-3");
    }

    @Test
    void aRenameToAnArchivedTeamsNameIsAConflictWithItsStatusAndDetail() {
        lucid.stubFor(put(urlEqualTo("/scim/v2/Groups/lucid-team-4")).willReturn(error(409, "uniqueness",
                "A group named 'Writers' already exists (an archived team: POST its name to restore it)")));

        Exchange renamed = call(TEAMS + "&operation=replace", ScimGroup.builder().displayName("Writers").build(),
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-team-4"));

        ScimConflictException conflict = (ScimConflictException) renamed.getException();
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getScimType()).isEqualTo("uniqueness");
        assertThat(conflict.getKind()).isEqualTo(ScimConflictException.Kind.DUPLICATE_IN_ACCOUNT);
        assertThat(conflict.getDetail()).contains("archived team", "POST its name to restore it");
        assertThat(conflict.getMessage()).contains("archived team keeps its name");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"contentAccess, archived", "adminManagement, deleted"})
    void aDeleteIsArchivedForATeamAndDeletedForAnOrganizationalGroup(String integration, String expected) {
        lucid.stubFor(delete(urlEqualTo("/scim/v2/Groups/lucid-team-5")).willReturn(aResponse().withStatus(204)));

        Exchange deleted = call("lucid-scim:groups?operation=delete&integration=" + integration, null,
                Map.of(LucidScimConstants.RESOURCE_ID, "lucid-team-5"));

        assertThat(outcome(deleted)).isEqualTo(expected);
        assertThat(deleted.getMessage().getHeader(LucidScimConstants.RESOURCE_ID)).isEqualTo("lucid-team-5");
    }

    @ParameterizedTest(name = "{0}, created {1}, last modified {2}: {3}")
    @CsvSource(nullValues = "none", value = {
            "contentAccess,   2024-01-02T03:04:05Z, 2024-06-07T08:09:10Z, reactivated",
            "contentAccess,   2024-06-07T08:09:10Z, 2024-06-07T08:09:10Z, created",
            "contentAccess,   none,                 none,                 created",
            "adminManagement, 2024-01-02T03:04:05Z, 2024-06-07T08:09:10Z, created"})
    void aPostAnswerCreatedBeforeItsLastChangeIsARestoredTeam(String integration, String created,
                                                              String lastModified, String expected) {
        lucid.stubFor(post("/scim/v2/Groups").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", SCIM_JSON).withBody(team("lucid-team-6", "Writers", created, lastModified))));

        Exchange result = call("lucid-scim:groups?operation=create&integration=" + integration,
                ScimGroup.builder().displayName("Writers").build());

        assertThat(outcome(result)).isEqualTo(expected);
        assertThat(result.getMessage().getHeader(LucidScimConstants.STATUS_CODE)).isEqualTo(201);
    }

    @Test
    void aLargeTeamsOutcomeIsReadFromThePostsAnswerNotFromThePatchOfTheRest() {
        lucid.stubFor(post("/scim/v2/Groups").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", SCIM_JSON)
                .withBody(team("lucid-team-7", "Writers", "2024-06-07T08:09:10Z", "2024-06-07T08:09:10Z", "lucid-1"))));
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Groups/lucid-team-7")).willReturn(okForContentType(SCIM_JSON,
                team("lucid-team-7", "Writers", "2024-06-07T08:09:10Z", "2024-06-07T08:09:11Z", "lucid-1",
                        "lucid-2"))));

        Exchange result = call(TEAMS + "&operation=create&membersPerPatch=1",
                ScimGroup.builder().displayName("Writers").memberIds(List.of("lucid-1", "lucid-2")).build());

        assertThat(outcome(result)).isEqualTo("created");
        assertThat(result.getMessage().getBody(ScimGroup.class).members()).hasSize(2);
    }

    @Test
    void upsertOfAGroupsUsersSendsNoRemovalOfItsSubGroupsTypedOrNot() {
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Groups"))
                .withQueryParam("filter", equalTo("displayName eq \"Engineering\""))
                .willReturn(okForContentType(SCIM_JSON, """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":1,
                         "startIndex":1,"itemsPerPage":1,"Resources":[{"id":"lucid-group-7","displayName":"Engineering",
                         "members":[{"value":"lucid-1","type":"User"},{"value":"lucid-group-9"},
                                    {"value":"grp-5","type":"Group"}]}]}""")));
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Groups/lucid-group-7")).willReturn(aResponse().withStatus(204)));

        Exchange result = call("lucid-scim:groups?operation=upsert",
                ScimGroup.builder().displayName("Engineering").memberIds(List.of("lucid-2")).build());

        assertThat(outcome(result)).isEqualTo("updated");
        lucid.verify(1, patchRequestedFor(urlEqualTo("/scim/v2/Groups/lucid-group-7")).withRequestBody(
                equalToJson("{\"schemas\":[\"" + PATCH_OP
                        + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"lucid-2\"}]},"
                        + "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"lucid-1\"}]}]}")));
    }
}
