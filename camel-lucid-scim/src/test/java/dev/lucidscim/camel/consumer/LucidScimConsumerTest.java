package dev.lucidscim.camel.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The change feed against the simulator, one poll at a time (the scheduler is off; tests trigger polls). */
class LucidScimConsumerTest extends SimulatedLucidTestSupport {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final AtomicBoolean FAIL_ON_BOB = new AtomicBoolean();

    @BeforeEach
    void routeSucceeds() {
        FAIL_ON_BOB.set(false);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lucid-scim:users?startScheduler=false&pageSize=3").routeId("users")
                        .process(exchange -> {
                            if (FAIL_ON_BOB.get() && exchange.getMessage().getBody(ScimUser.class).userName()
                                    .startsWith("bob")) {
                                throw new IllegalStateException("the route failed on bob");
                            }
                        })
                        .to("mock:users");
                from("lucid-scim:users?startScheduler=false&resolveRemoved=true&stateKey=resolving")
                        .routeId("users-resolved").to("mock:resolved");
                from("lucid-scim:groups?startScheduler=false").routeId("groups").to("mock:groups");
                from("lucid-scim:users?startScheduler=false&mode=all&pageSize=2").routeId("all").to("mock:all");
                from("lucid-scim:users?startScheduler=false&maxMessagesPerPoll=2&stateKey=limited")
                        .routeId("limited").to("mock:limited");
            }
        };
    }

    private List<Exchange> poll(String route) {
        MockEndpoint mock = getMockEndpoint("mock:" + route.replace("users-resolved", "resolved"));
        mock.reset();
        ((LucidScimConsumer) context.getRoute(route).getConsumer()).run();
        return List.copyOf(mock.getReceivedExchanges());
    }

    private static String user(String userName, String department) {
        return "{\"userName\":\"" + userName + "\",\"emails\":[{\"value\":\"" + userName + "\"}],\"title\":\"Engineer\","
               + "\"" + ENTERPRISE + "\":{\"department\":\"" + department + "\"}}";
    }

    private static Map<String, String> changes(List<Exchange> exchanges) {
        Map<String, String> changes = new TreeMap<>();
        exchanges.forEach(exchange -> changes.put(exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID,
                String.class), exchange.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE, String.class)));
        return changes;
    }

    @Test
    void theFirstPollEmitsEveryResourceAsCreatedInOneBatch() {
        for (int i = 0; i < 7; i++) {
            lucid.seedUser(user("user" + i + "@example.com", "Sales"));
        }
        lucid.seedUser("{\"userName\":\"gone@example.com\",\"emails\":[{\"value\":\"gone@example.com\"}],\"active\":false}");

        List<Exchange> first = poll("users");

        assertThat(first).hasSize(7);
        assertThat(changes(first)).containsValues("created").doesNotContainValue("updated");
        assertThat(first).extracting(exchange -> exchange.getProperty(Exchange.BATCH_INDEX)).containsExactly(0, 1, 2, 3,
                4, 5, 6);
        assertThat(first).extracting(exchange -> exchange.getProperty(Exchange.BATCH_COMPLETE))
                .containsExactly(false, false, false, false, false, false, true);
        assertThat(first).extracting(exchange -> exchange.getProperty(Exchange.BATCH_SIZE)).containsOnly(7);
        assertThat(first.get(0).getMessage().getBody()).isInstanceOf(ScimUser.class);
        assertThat(poll("users")).as("nothing changed since").isEmpty();
    }

    @Test
    void aCreateAnUpdateADeactivationAndAHardDeleteAreExactlyFourChanges() {
        String stays = lucid.seedUser(user("stays@example.com", "Sales"));
        String moves = lucid.seedUser(user("moves@example.com", "Sales"));
        String leaves = lucid.seedUser(user("leaves@example.com", "Sales"));
        String deleted = lucid.seedUser(user("deleted@example.com", "Sales"));
        poll("users");
        poll("users-resolved");

        String joins = lucid.seedUser(user("joins@example.com", "Product"));
        patch(moves, "{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Marketing\"}");
        patch(leaves, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}");
        delete(deleted);

        List<Exchange> changes = poll("users");
        assertThat(changes(changes)).isEqualTo(Map.of(joins, "created", moves, "updated", leaves, "removed", deleted,
                "removed"));
        assertThat(changes(changes)).doesNotContainKey(stays);
        Exchange move = changes.stream().filter(e -> e.getMessage().getHeader(LucidScimConstants.RESOURCE_ID)
                .equals(moves)).findFirst().orElseThrow();
        assertThat(move.getMessage().getHeader(LucidScimConstants.CHANGED_ATTRIBUTES, List.class))
                .containsExactly(ENTERPRISE + ":department");
        ScimUser before = move.getMessage().getHeader(LucidScimConstants.PREVIOUS, ScimUser.class);
        assertThat(before.enterprise().department()).isEqualTo("Sales");
        assertThat(move.getMessage().getBody(ScimUser.class).enterprise().department()).isEqualTo("Marketing");

        // the documentation's "react to a department change" predicate
        assertThat(context.resolveLanguage("simple").createPredicate("${header.CamelLucidScimChangedAttributes} "
                                                                     + "contains '" + ENTERPRISE + ":department'")
                .matches(move)).isTrue();

        assertThat(changes(poll("users-resolved"))).isEqualTo(Map.of(joins, "created", moves, "updated", leaves,
                "deactivated", deleted, "deleted"));
        assertThat(poll("users")).isEmpty();
        assertThat(poll("users-resolved")).isEmpty();
    }

    @Test
    void aReactivatedUserIsReportedAsSuch() {
        String rehire = lucid.seedUser(user("rehire@example.com", "Sales"));
        poll("users");
        patch(rehire, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}");
        assertThat(changes(poll("users"))).isEqualTo(Map.of(rehire, "removed"));

        patch(rehire, "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}");

        assertThat(changes(poll("users"))).isEqualTo(Map.of(rehire, "reactivated"));
        assertThat(poll("users")).isEmpty();
    }

    @Test
    void aChangeTheRouteFailsOnIsDeliveredAgainAndNothingElseIs() {
        lucid.seedUser(user("alice@example.com", "Sales"));
        String bob = lucid.seedUser(user("bob@example.com", "Sales"));
        lucid.seedUser(user("carol@example.com", "Sales"));
        FAIL_ON_BOB.set(true);

        List<Exchange> first = poll("users");
        assertThat(first).hasSize(2).extracting(e -> e.getMessage().getBody(ScimUser.class).userName())
                .containsExactly("alice@example.com", "carol@example.com");

        List<Exchange> second = poll("users");
        assertThat(second).isEmpty();

        FAIL_ON_BOB.set(false);
        assertThat(changes(poll("users"))).isEqualTo(Map.of(bob, "created"));
        assertThat(poll("users")).isEmpty();
    }

    @Test
    void groupsReportMembershipChanges() {
        String a = lucid.seedUser(user("a@example.com", "Sales"));
        String b = lucid.seedUser(user("b@example.com", "Sales"));
        String c = lucid.seedUser(user("c@example.com", "Sales"));
        String sales = lucid.seedGroup("{\"displayName\":\"Sales\",\"members\":[{\"value\":\"" + a + "\"},{\"value\":\""
                                       + b + "\"}]}");
        List<Exchange> created = poll("groups");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).getMessage().getHeader(LucidScimConstants.MEMBERS_ADDED, List.class))
                .containsExactlyInAnyOrder(a, b);

        patchGroup(sales, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + c + "\"}]}");
        patchGroup(sales, "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]}");

        List<Exchange> updated = poll("groups");
        assertThat(changes(updated)).isEqualTo(Map.of(sales, "updated"));
        assertThat(updated.get(0).getMessage().getHeader(LucidScimConstants.MEMBERS_ADDED, List.class))
                .containsExactly(c);
        assertThat(updated.get(0).getMessage().getHeader(LucidScimConstants.MEMBERS_REMOVED, List.class))
                .containsExactly(a);
        assertThat(updated.get(0).getMessage().getBody()).isInstanceOf(ScimGroup.class);
    }

    @Test
    void usersCarryTheirTrackedAttributesAndNoMembershipHeaders() {
        String moves = lucid.seedUser(user("moves@example.com", "Sales"));
        assertThat(poll("users").get(0).getMessage().getHeaders()).doesNotContainKeys(
                LucidScimConstants.MEMBERS_ADDED, LucidScimConstants.MEMBERS_REMOVED);

        patch(moves, "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Manager\"}");

        Exchange update = poll("users").get(0);
        assertThat(update.getMessage().getHeader(LucidScimConstants.CHANGED_ATTRIBUTES, List.class))
                .containsExactly("title");
        assertThat(update.getMessage().getHeader(LucidScimConstants.PREVIOUS, ScimUser.class).title())
                .isEqualTo("Engineer");
        assertThat(update.getMessage().getHeaders()).doesNotContainKeys(LucidScimConstants.MEMBERS_ADDED,
                LucidScimConstants.MEMBERS_REMOVED);
    }

    @Test
    void allModeEmitsEveryResourceEachPollWithoutChangeTypes() {
        for (int i = 0; i < 5; i++) {
            lucid.seedUser(user("user" + i + "@example.com", "Sales"));
        }

        assertThat(poll("all")).hasSize(5).allSatisfy(exchange ->
                assertThat(exchange.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE)).isNull());
        assertThat(poll("all")).hasSize(5);
        assertThat(lucid.requests().count("GET", "/Users")).as("pages of 2, twice").isEqualTo(6);
    }

    @Test
    void maxMessagesPerPollLeavesTheRestAndRemovalsForLaterPolls() {
        String first = lucid.seedUser(user("first@example.com", "Sales"));
        for (int i = 0; i < 4; i++) {
            lucid.seedUser(user("user" + i + "@example.com", "Sales"));
        }
        assertThat(poll("limited")).hasSize(2);
        assertThat(poll("limited")).hasSize(2);
        patch(first, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}");
        // The last created user fits, the listing completes, so the removal is found in the same poll.
        List<Exchange> third = poll("limited");
        assertThat(third).extracting(e -> e.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE))
                .containsExactly("created", "removed");
        assertThat(poll("limited")).isEmpty();
    }

    @Test
    void theChangeIdIsStableForTheSameChange() {
        lucid.seedUser(user("bob@example.com", "Sales"));
        FAIL_ON_BOB.set(true);
        poll("users");
        MockEndpoint mock = getMockEndpoint("mock:users");
        FAIL_ON_BOB.set(false);
        List<Exchange> delivered = poll("users");
        String changeId = delivered.get(0).getMessage().getHeader(LucidScimConstants.CHANGE_ID, String.class);
        assertThat(changeId).startsWith(delivered.get(0).getMessage().getHeader(LucidScimConstants.RESOURCE_ID)
                                        + ":created:");
        assertThat(mock.getReceivedExchanges()).hasSize(1);
    }

    private static void patch(String id, String operation) {
        send("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                      + "\"Operations\":[" + operation + "]}");
    }

    private static void patchGroup(String id, String operation) {
        send("PATCH", "/Groups/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                       + "\"Operations\":[" + operation + "]}");
    }

    private static void delete(String id) {
        send("DELETE", "/Users/" + id, null);
    }

    private static void send(String method, String path, String body) {
        send(method, path, body, lucid);
    }

    /** A request straight to the simulator, as another Lucid admin or identity provider would make it. */
    static void send(String method, String path, String body, LucidScimSimulator target) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create(target.baseUrl() + path))
                    .header("Authorization", "Bearer " + target.token())
                    .header("Content-Type", "application/scim+json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            int status = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).as(method + " " + path).isBetween(200, 299);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
