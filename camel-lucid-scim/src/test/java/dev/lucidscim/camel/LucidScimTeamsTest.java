package dev.lucidscim.camel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lucid-scim:groups with integration=contentAccess, against the simulator's content-access token, whose groups are
 * teams: users only (checked before any request), DELETE archives, a create of an archived name restores, and the
 * consumer reports an archived team as removed.
 */
class LucidScimTeamsTest extends SimulatedLucidTestSupport {

    /** The content-access token's component: its endpoints say integration=contentAccess themselves. */
    private static final String TEAMS = "lucid-teams:groups?integration=contentAccess";

    @BeforeAll
    static void startLucid() {
        startLucid(LucidScimSimulator.builder().contentAccessToken(TestTokens.CONTENT_ACCESS));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LucidScimComponent teams = SimulatedLucid.component(lucid);
        teams.getConfiguration().setBearerToken(TestTokens.CONTENT_ACCESS);
        context.addComponent("lucid-teams", teams);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a list of teams to bring about, one upsert each
                from("direct:upsertTeams").split(body()).to(TEAMS + "&operation=upsert").to("mock:upserted");
                from(TEAMS + "&startScheduler=false&resolveRemoved=true").routeId("teams").to("mock:teams");
            }
        };
    }

    private Exchange send(String operation, Object body) {
        return send(operation, body, Map.of());
    }

    private Exchange send(String operation, Object body, Map<String, Object> headers) {
        return template.request(TEAMS + "&operation=" + operation, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    private static ScimGroup team(String name, String... memberIds) {
        return ScimGroup.builder().displayName(name).memberIds(List.of(memberIds)).build();
    }

    private static String outcome(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getHeader(LucidScimConstants.OUTCOME, String.class);
    }

    private static String id(Exchange exchange) {
        return exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class);
    }

    private Map<String, String> poll() {
        MockEndpoint mock = getMockEndpoint("mock:teams");
        mock.reset();
        ((LucidScimConsumer) context.getRoute("teams").getConsumer()).run();
        Map<String, String> changes = new TreeMap<>();
        mock.getReceivedExchanges().forEach(exchange -> changes.put(id(exchange),
                exchange.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE, String.class)));
        return changes;
    }

    @Test
    void aTeamMemberThatIsAGroupIsRefusedBeforeAnyRequest() {
        String jane = lucid.seedUser("{\"userName\":\"jane@example.com\",\"emails\":[{\"value\":\"jane@example.com\"}]}");
        String engineering = lucid.seedGroup("{\"displayName\":\"Engineering\"}");
        String writers = lucid.seedTeam("{\"displayName\":\"Writers\"}");
        ScimReference typedGroup = new ScimReference("grp-77", null, null, "Group", null);

        Exchange created = send("create", team("Readers", jane, engineering));
        Exchange upserted = send("upsert", ScimGroup.builder().displayName("Writers")
                .members(List.of(ScimReference.of(jane), typedGroup)).build());
        Exchange added = send("addMembers", null, Map.of(LucidScimConstants.RESOURCE_ID, writers,
                LucidScimConstants.MEMBER_IDS, List.of(jane, engineering)));

        assertThat(created.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("Group 'Readers': member '" + engineering + "' is a group")
                .hasMessageContaining("holds users only").hasMessageNotContaining(jane);
        assertThat(upserted.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("member 'grp-77' is a group");
        assertThat(added.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("Group '" + writers + "': member '" + engineering + "' is a group");
        assertThat(lucid.requests().all()).as("requests sent").isEmpty();
    }

    @Test
    void aTeamOfUsersIsCreatedAndItsDeleteArchivesIt() {
        String jane = lucid.seedUser("{\"userName\":\"jane@example.com\",\"emails\":[{\"value\":\"jane@example.com\"}]}");

        Exchange created = send("create", team("Writers", jane));
        Exchange deleted = send("delete", null, Map.of(LucidScimConstants.RESOURCE_ID, id(created)));

        assertThat(outcome(created)).isEqualTo("created");
        assertThat(outcome(deleted)).isEqualTo("archived");
        assertThat(deleted.getMessage().getHeader(LucidScimConstants.STATUS_CODE)).isEqualTo(204);
        assertThat(lucid.teams()).isEmpty();
    }

    @Test
    void aCreateOrUpsertOfAnArchivedTeamsNameRestoresItAsReactivated() {
        String jane = lucid.seedUser("{\"userName\":\"jane@example.com\",\"emails\":[{\"value\":\"jane@example.com\"}]}");
        String writers = lucid.seedTeam("{\"displayName\":\"Writers\"}");
        String readers = lucid.seedTeam("{\"displayName\":\"Readers\"}");
        send("delete", null, Map.of(LucidScimConstants.RESOURCE_ID, writers));
        send("delete", null, Map.of(LucidScimConstants.RESOURCE_ID, readers));

        Exchange restored = send("create", team("Writers", jane));
        template.sendBody("direct:upsertTeams", List.of(team("Readers", jane), team("Editors", jane)));

        assertThat(outcome(restored)).isEqualTo("reactivated");
        assertThat(id(restored)).isEqualTo(writers);
        assertThat(restored.getMessage().getBody(ScimGroup.class).members()).extracting(ScimReference::value)
                .containsExactly(jane);
        List<Exchange> upserts = getMockEndpoint("mock:upserted").getReceivedExchanges();
        assertThat(upserts).extracting(LucidScimTeamsTest::outcome).containsExactly("reactivated", "created");
        assertThat(id(upserts.get(0))).isEqualTo(readers);
        assertThat(lucid.teams()).hasSize(3);
    }

    @Test
    void theConsumerReportsAnArchivedTeamAsRemovedAndARestoredOneAsReactivated() {
        String writers = lucid.seedTeam("{\"displayName\":\"Writers\"}");
        String readers = lucid.seedTeam("{\"displayName\":\"Readers\"}");
        assertThat(poll()).isEqualTo(Map.of(writers, "created", readers, "created"));

        send("delete", null, Map.of(LucidScimConstants.RESOURCE_ID, writers));
        assertThat(poll()).as("resolveRemoved is on: an archived team is still removed, not deleted")
                .isEqualTo(Map.of(writers, "removed"));

        send("create", team("Writers"));
        assertThat(poll()).isEqualTo(Map.of(writers, "reactivated"));
        assertThat(poll()).isEmpty();
    }

    @Test
    void lucidsRefusalOfAGroupInATeamIsATypedErrorWithItsDetail() {
        String engineering = lucid.seedGroup("{\"displayName\":\"Engineering\"}");

        // an endpoint that does not say it talks to teams: Lucid's answer is the check
        Exchange created = template.request("lucid-teams:groups?operation=create",
                exchange -> exchange.getMessage().setBody(team("Readers", engineering)));

        ScimValidationException refused = (ScimValidationException) created.getException();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getScimType()).isEqualTo("invalidValue");
        assertThat(refused.getDetail()).contains(engineering, "holds users only");
        assertThat(lucid.teams()).isEmpty();
    }

    @Test
    void aRenameToAnArchivedTeamsNameIsAConflictThatSaysWhy() {
        String writers = lucid.seedTeam("{\"displayName\":\"Writers\"}");
        String readers = lucid.seedTeam("{\"displayName\":\"Readers\"}");
        send("delete", null, Map.of(LucidScimConstants.RESOURCE_ID, writers));

        Exchange renamed = send("replace", team("Writers"), Map.of(LucidScimConstants.RESOURCE_ID, readers));

        ScimConflictException conflict = (ScimConflictException) renamed.getException();
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getKind()).isEqualTo(ScimConflictException.Kind.DUPLICATE_IN_ACCOUNT);
        assertThat(conflict.getDetail()).contains("archived team");
        assertThat(conflict.getMessage()).contains("group name is already taken", "archived team keeps its name")
                .doesNotContain("operation=reactivate");
    }
}
