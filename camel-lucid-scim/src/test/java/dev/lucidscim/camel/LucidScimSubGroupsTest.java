package dev.lucidscim.camel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.camel.producer.reconcile.GroupReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.camel.producer.reconcile.ReconcileRoster;
import dev.lucidscim.camel.producer.reconcile.ReconcileThresholdExceededException;
import dev.lucidscim.camel.producer.reconcile.RosterGroup;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organizational groups that hold sub-groups, against the simulator: a roster group lists users, so upsert and
 * reconcile bring its users to the list and keep its sub-groups (added when listed, removed only by removeMembers),
 * and the consumer reports sub-group members with their type.
 */
class LucidScimSubGroupsTest extends SimulatedLucidTestSupport {

    private static final String GROUPS = "lucid-scim:groups";
    private static final String RECONCILE = "lucid-scim:users?operation=reconcile&managedUsers=withExternalId";

    private String ann;
    private String bob;
    private String cat;
    private String platform;
    private String engineering;

    private static ScimUser person(String name) {
        return ScimUser.builder().userName(name + "@example.com").email(name + "@example.com")
                .externalId("E-" + name).active(true).build();
    }

    @BeforeEach
    void seedDirectory() {
        ann = lucid.seedUser(ScimJson.toJson(person("ann")));
        bob = lucid.seedUser(ScimJson.toJson(person("bob")));
        cat = lucid.seedUser(ScimJson.toJson(person("cat")));
        platform = lucid.seedGroup(Map.of("displayName", "Platform", "members", List.of(Map.of("value", cat))));
        engineering = lucid.seedGroup(Map.of("displayName", "Engineering",
                "members", List.of(Map.of("value", ann), Map.of("value", bob), Map.of("value", platform))));
        lucid.requests().clear();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(GROUPS + "?startScheduler=false").routeId("groups").to("mock:groups");
            }
        };
    }

    private Exchange send(String operation, Object body, Map<String, Object> headers) {
        return template.request(GROUPS + "?operation=" + operation, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    private static String outcome(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getHeader(LucidScimConstants.OUTCOME, String.class);
    }

    private static List<String> memberIds(String groupId) {
        List<String> ids = new ArrayList<>();
        lucid.group(groupId).orElseThrow().path("members").forEach(member -> ids.add(member.path("value").asText()));
        return ids;
    }

    private List<Exchange> poll() {
        MockEndpoint mock = getMockEndpoint("mock:groups");
        mock.reset();
        ((LucidScimConsumer) context.getRoute("groups").getConsumer()).run();
        return List.copyOf(mock.getReceivedExchanges());
    }

    private Exchange reconcile(ReconcileRoster roster, int maxDeactivationPercent) {
        return template.request(RECONCILE + "&maxDeactivationPercent=" + maxDeactivationPercent,
                exchange -> exchange.getMessage().setBody(roster));
    }

    @Test
    void upsertOfTheUsersKeepsTheSubGroups() {
        Exchange upserted = send("upsert", ScimGroup.builder().displayName("Engineering")
                .memberIds(List.of(ann, cat)).build(), Map.of());

        assertThat(outcome(upserted)).isEqualTo("updated");
        assertThat(memberIds(engineering)).containsExactlyInAnyOrder(ann, cat, platform);
        assertThat(send("upsert", ScimGroup.builder().displayName("Engineering").memberIds(List.of(ann, cat)).build(),
                Map.of()).getMessage().getHeader(LucidScimConstants.OUTCOME)).as("again").isEqualTo("unchanged");
    }

    @Test
    void upsertThatListsASubGroupAddsItAndRemoveMembersRemovesIt() {
        String design = lucid.seedGroup("{\"displayName\":\"Design\"}");

        Exchange upserted = send("upsert", ScimGroup.builder().displayName("Engineering")
                .memberIds(List.of(ann, bob, design)).build(), Map.of());
        Exchange removed = send("removeMembers", null, Map.of(LucidScimConstants.RESOURCE_ID, engineering,
                LucidScimConstants.MEMBER_IDS, List.of(platform)));

        assertThat(outcome(upserted)).isEqualTo("updated");
        assertThat(outcome(removed)).isEqualTo("membersRemoved");
        assertThat(memberIds(engineering)).containsExactlyInAnyOrder(ann, bob, design);
    }

    @Test
    void reconcileBringsTheUsersToTheRosterAndKeepsTheSubGroups() {
        ReconcileRoster roster = ReconcileRoster.of(List.of(person("ann"), person("bob"), person("cat")))
                .withGroups(List.of(new RosterGroup("Engineering", List.of("ann@example.com", "cat@example.com"))));

        Exchange exchange = reconcile(roster, 50);

        assertThat(exchange.getException()).isNull();
        ReconcileReport report = exchange.getMessage().getBody(ReconcileReport.class);
        GroupReconcileItem group = report.groups().get(0);
        assertThat(group.membersAdded()).containsExactly("cat@example.com");
        assertThat(group.membersRemoved()).containsExactly("bob@example.com");
        assertThat(memberIds(engineering)).containsExactlyInAnyOrder(ann, cat, platform);
        assertThat(reconcile(roster, 50).getMessage().getBody(ReconcileReport.class).plannedGroupWrites())
                .as("again").isZero();
    }

    @Test
    void theRemovalBreakerCountsTheUsersOfAGroupNotItsSubGroups() {
        ReconcileRoster roster = ReconcileRoster.of(List.of(person("ann"), person("bob"), person("cat")))
                .withGroups(List.of(new RosterGroup("Engineering", List.of("ann@example.com"))));

        // bob is 1 of Engineering's 2 users (50%), not 1 of its 3 members (33%)
        Exchange exchange = reconcile(roster, 40);

        assertThat(exchange.getException()).isInstanceOf(ReconcileThresholdExceededException.class)
                .hasMessageContaining("remove 1 of the 2 members");
        assertThat(memberIds(engineering)).containsExactlyInAnyOrder(ann, bob, platform);
    }

    @Test
    void theConsumerReportsSubGroupMembersWithTheirTypeAndTheirComingAndGoing() {
        poll();
        String design = lucid.seedGroup("{\"displayName\":\"Design\"}");
        send("addMembers", null, Map.of(LucidScimConstants.RESOURCE_ID, engineering,
                LucidScimConstants.MEMBER_IDS, List.of(design)));
        send("removeMembers", null, Map.of(LucidScimConstants.RESOURCE_ID, engineering,
                LucidScimConstants.MEMBER_IDS, List.of(platform)));

        Exchange update = poll().stream().filter(exchange -> engineering.equals(exchange.getMessage()
                .getHeader(LucidScimConstants.RESOURCE_ID))).findFirst().orElseThrow();

        assertThat(update.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE)).isEqualTo("updated");
        assertThat(update.getMessage().getHeader(LucidScimConstants.MEMBERS_ADDED, List.class))
                .containsExactly(design);
        assertThat(update.getMessage().getHeader(LucidScimConstants.MEMBERS_REMOVED, List.class))
                .containsExactly(platform);
        ScimGroup now = update.getMessage().getBody(ScimGroup.class);
        assertThat(now.members()).filteredOn(member -> member.value().equals(design)).singleElement()
                .extracting(ScimReference::type, ScimReference::display).containsExactly("Group", "Design");
        ScimGroup before = update.getMessage().getHeader(LucidScimConstants.PREVIOUS, ScimGroup.class);
        assertThat(before.members()).filteredOn(member -> member.value().equals(platform)).singleElement()
                .extracting(ScimReference::type).isEqualTo("Group");
        JsonNode stored = lucid.group(engineering).orElseThrow();
        assertThat(stored.path("members").findValuesAsText("type")).containsExactlyInAnyOrder("User", "User", "Group");
    }
}
