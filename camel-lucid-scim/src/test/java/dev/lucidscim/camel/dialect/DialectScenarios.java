package dev.lucidscim.camel.dialect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.camel.producer.reconcile.ReconcileAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What differs between Lucid and a strict SCIM 2.0 server, against the simulator in one dialect: each scenario must
 * come out the same with the endpoint's {@code dialect} set to the simulator's.
 */
abstract class DialectScenarios extends SimulatedLucidTestSupport {

    private final MemoryStateRepository state = new MemoryStateRepository();

    /** The value of the endpoints' {@code dialect} option, matching the simulator's. */
    abstract String dialect();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("state", state);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // active is not tracked: the consumer keeps it anyway, to tell a deactivation in the listing
                from("lucid-scim:users?startScheduler=false&resolveRemoved=true&trackedAttributes=title&dialect="
                     + dialect())
                        .routeId("feed").to("mock:feed");
            }
        };
    }

    private String uri(String resourceAndOptions) {
        return "lucid-scim:" + resourceAndOptions + "&dialect=" + dialect();
    }

    private Exchange call(String resourceAndOptions, Object body, Map<String, Object> headers) {
        Exchange result = template.request(uri(resourceAndOptions), exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
        assertThat(result.getException()).isNull();
        return result;
    }

    /** A user as Lucid has it: as the roster gives it, and active or not. */
    static String person(String name, boolean active) {
        return ScimJson.toJson(rostered(name).toBuilder().active(active).build());
    }

    private static List<RecordedRequest> writes() {
        return lucid.requests().matching(request -> !request.method().equals("GET"));
    }

    @Test
    void usersAndGroupsGivenWithoutSchemasAreCreatedAndReplaced() {
        Exchange created = call("users?operation=create", """
                {"userName":"jane@example.com","emails":[{"value":"jane@example.com"}],
                 "%s":{"department":"Sales"}}""".formatted(ScimSchemas.ENTERPRISE_USER), Map.of());
        String id = created.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class);
        call("users?operation=replace", Map.of("userName", "jane@example.com",
                "emails", List.of(Map.of("value", "jane@example.com")),
                ScimSchemas.ENTERPRISE_USER, Map.of("department", "Marketing")), Map.of(LucidScimConstants.RESOURCE_ID,
                id));
        call("groups?operation=create", "{\"displayName\":\"Engineering\",\"members\":[{\"value\":\"" + id + "\"}]}",
                Map.of());

        assertThat(lucid.user(id).orElseThrow().path(ScimSchemas.ENTERPRISE_USER).path("department").asText())
                .isEqualTo("Marketing");
        assertThat(lucid.groups()).hasSize(1);
    }

    @Test
    void removingMembersRemovesOnlyThoseNamed() {
        String ann = lucid.seedUser(person("ann", true));
        String ben = lucid.seedUser(person("ben", true));
        String cid = lucid.seedUser(person("cid", true));
        String group = lucid.seedGroup("{\"displayName\":\"Engineering\",\"members\":[{\"value\":\"" + ann + "\"},"
                                       + "{\"value\":\"" + ben + "\"},{\"value\":\"" + cid + "\"}]}");

        call("groups?operation=removeMembers", List.of(ann, cid), Map.of(LucidScimConstants.RESOURCE_ID, group));

        assertThat(lucid.group(group).orElseThrow().path("members").findValuesAsText("value")).containsExactly(ben);
    }

    @Test
    void aDeactivatedUserIsNotDeactivatedAgainAndIsReactivatedWhenTheRosterWantsIt() {
        lucid.seedUser(person("ann", true));
        String ben = lucid.seedUser(person("ben", true));
        String reconcile = "users?operation=reconcile&managedUsers=withExternalId&maxDeactivationPercent=50"
                           + "&stateRepository=#state&stateKey=directory";
        List<ScimUser> annOnly = List.of(rostered("ann"));
        List<ScimUser> both = List.of(rostered("ann"), rostered("ben"));

        assertThat(actions(call(reconcile, annOnly, Map.of()))).containsEntry("ben@example.com", ReconcileAction.DEACTIVATE);
        assertThat(lucid.user(ben).orElseThrow().path("active").asBoolean()).isFalse();
        lucid.requests().clear();

        ReconcileReport again = report(call(reconcile, annOnly, Map.of()));
        assertThat(writes()).as("a second run writes nothing").isEmpty();
        assertThat(again.plannedWrites()).isZero();

        assertThat(actions(call(reconcile, both, Map.of()))).containsEntry("ben@example.com", ReconcileAction.REACTIVATE);
        assertThat(writes()).as("one PATCH").extracting(RecordedRequest::method).containsExactly("PATCH");
        assertThat(lucid.user(ben).orElseThrow().path("active").asBoolean()).isTrue();
        lucid.requests().clear();
        call(reconcile, both, Map.of());
        assertThat(writes()).as("and then nothing").isEmpty();
    }

    @Test
    void theConsumerReportsADeactivationAndAReactivation() {
        String ann = lucid.seedUser(person("ann", true));
        poll();

        call("users?operation=deactivate", null, Map.of(LucidScimConstants.RESOURCE_ID, ann));
        assertThat(changes(poll())).isEqualTo(Map.of(ann, "deactivated"));

        call("users?operation=reactivate", null, Map.of(LucidScimConstants.RESOURCE_ID, ann));
        assertThat(changes(poll())).isEqualTo(Map.of(ann, "reactivated"));
        assertThat(poll()).isEmpty();
    }

    @Test
    void theLocationOfACreatedUserIsSet() {
        Exchange created = call("users?operation=create", person("ann", true), Map.of());

        String id = created.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class);
        assertThat(created.getMessage().getHeader(LucidScimConstants.LOCATION)).isEqualTo(lucid.baseUrl() + "/Users/"
                                                                                           + id);
    }

    static ScimUser rostered(String name) {
        return ScimUser.builder().userName(name + "@example.com").email(name + "@example.com").externalId("E-" + name)
                .build();
    }

    static ReconcileReport report(Exchange exchange) {
        return exchange.getMessage().getBody(ReconcileReport.class);
    }

    /** userName to action of each user in the report. */
    static Map<String, ReconcileAction> actions(Exchange exchange) {
        Map<String, ReconcileAction> actions = new TreeMap<>();
        report(exchange).items().forEach(item -> actions.put(item.userName(), item.action()));
        return actions;
    }

    List<Exchange> poll() {
        MockEndpoint mock = getMockEndpoint("mock:feed");
        mock.reset();
        ((LucidScimConsumer) context.getRoute("feed").getConsumer()).run();
        return List.copyOf(mock.getReceivedExchanges());
    }

    static Map<String, String> changes(List<Exchange> exchanges) {
        Map<String, String> changes = new TreeMap<>();
        exchanges.forEach(exchange -> changes.put(exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID,
                String.class), exchange.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE, String.class)));
        return changes;
    }
}
