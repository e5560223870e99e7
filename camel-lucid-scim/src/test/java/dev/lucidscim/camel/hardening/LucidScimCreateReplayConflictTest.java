package dev.lucidscim.camel.hardening;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimTransportException;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The narrow case of the ambiguous create the simulator cannot time reliably: the lookup after the lost answer finds
 * nothing yet, the replay is answered 409, and a second lookup finds the user. Only when that user has the attributes
 * sent is it "created by us".
 */
class LucidScimCreateReplayConflictTest extends LucidScimTestSupport {

    private static final String JANE_JSON = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                                            + "\"id\":\"lucid-1\",\"userName\":\"jane@example.com\","
                                            + "\"emails\":[{\"value\":\"jane@example.com\",\"type\":\"work\","
                                            + "\"primary\":true}],\"title\":\"%s\",\"active\":true}";

    private static ResponseDefinitionBuilder listOf(String... users) {
        return aResponse().withStatus(200).withHeader("Content-Type", SCIM_JSON).withBody(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":"
                + users.length + ",\"startIndex\":1,\"itemsPerPage\":" + users.length + ",\"Resources\":["
                + String.join(",", users) + "]}");
    }

    private Exchange createJaneAfterALostAnswerAndAConflictOnReplay(String titleFoundInLucid) {
        answerInTurn(() -> post("/scim/v2/Users"), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(409).withHeader("Content-Type", SCIM_JSON).withBody(
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"409\","
                        + "\"scimType\":\"uniqueness\",\"detail\":\"User name already in use\"}"));
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).inScenario("lookup").willReturn(listOf())
                .willSetStateTo("committed"));
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).inScenario("lookup").whenScenarioStateIs("committed")
                .willReturn(listOf(JANE_JSON.formatted(titleFoundInLucid))));
        ScimUser jane = ScimUser.builder().userName("jane@example.com").email("jane@example.com").title("Engineer")
                .build();
        return call("lucid-scim:users?operation=create", jane);
    }

    @Test
    void conflictOnReplayWithTheAttributesSentIsTheCreateItself() {
        Exchange result = createJaneAfterALostAnswerAndAConflictOnReplay("Engineer");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(ScimUser.class).id()).isEqualTo("lucid-1");
        assertThat(result.getMessage().getHeader(LucidScimConstants.STATUS_CODE)).isEqualTo(201);
        lucid.verify(2, postRequestedFor(urlEqualTo("/scim/v2/Users")));
    }

    @Test
    void conflictOnReplayWithOtherAttributesIsReportedAsAConflict() {
        Exchange result = createJaneAfterALostAnswerAndAConflictOnReplay("Chief Executive");

        assertThat(result.getException()).isInstanceOf(ScimConflictException.class)
                .hasMessageContaining("other attributes");
        assertThat(result.getException().getCause()).isInstanceOf(ScimConflictException.class)
                .hasMessageContaining("User name already in use");
        lucid.verify(2, postRequestedFor(urlEqualTo("/scim/v2/Users")));
    }

    @Test
    void twoUsersFoundAfterALostAnswerAreNotCreatedAgain() {
        lucid.stubFor(post("/scim/v2/Users").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(listOf(JANE_JSON.formatted("Engineer"),
                JANE_JSON.formatted("Engineer").replace("lucid-1", "lucid-2"))));

        Exchange result = call("lucid-scim:users?operation=create", ScimUser.builder().userName("jane@example.com")
                .email("jane@example.com").title("Engineer").build());

        assertThat(result.getException()).isInstanceOf(ScimTransportException.class)
                .hasMessageContaining("may or may not hold it");
        assertThat(result.getException().getCause()).isInstanceOf(ScimConflictException.class)
                .hasMessageContaining("More than one Lucid user has userName 'jane@example.com'");
        lucid.verify(1, postRequestedFor(urlEqualTo("/scim/v2/Users")));
    }
}
