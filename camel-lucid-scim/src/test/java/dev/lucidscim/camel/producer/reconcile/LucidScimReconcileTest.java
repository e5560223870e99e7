package dev.lucidscim.camel.producer.reconcile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconcile against the simulator: a seeded directory with managed and unmanaged accounts, and a roster with a joiner,
 * a mover, a leaver and a rehire.
 */
class LucidScimReconcileTest extends SimulatedLucidTestSupport {

    private static final String RECONCILE = "lucid-scim:users?operation=reconcile&managedUsers=withExternalId"
                                            + "&maxDeactivationPercent=50&pageSize=2&stateRepository=#state"
                                            + "&stateKey=directory";
    private final MemoryStateRepository state = new MemoryStateRepository();
    private String alice;
    private String bob;
    private String carol;
    private String dave;
    private String admin;

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
                from("lucid-scim:users?startScheduler=false&stateRepository=#state&stateKey=directory")
                        .routeId("feed").to("mock:feed");
            }
        };
    }

    private static ScimUser person(String name, String title) {
        return ScimUser.builder().userName(name + "@example.com").email(name + "@example.com")
                .externalId("E-" + name).name(name, "Example").title(title).active(true)
                .enterprise(EnterpriseUser.builder().department("Engineering").build()).build();
    }

    private String seed(ScimUser user) {
        return lucid.seedUser(ScimJson.toJson(user));
    }

    @BeforeEach
    void seedDirectory() {
        alice = seed(person("alice", "Engineer"));
        bob = seed(person("bob", "Engineer"));
        carol = seed(person("carol", "Engineer"));
        dave = seed(person("dave", "Engineer"));
        admin = seed(ScimUser.builder().userName("admin@example.com").email("admin@example.com").build());
    }

    private Exchange reconcile(List<ScimUser> roster, String options) {
        return template.request(RECONCILE + options, exchange -> exchange.getMessage().setBody(roster));
    }

    private ReconcileReport report(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(ReconcileReport.class);
    }

    private static Map<String, String> actions(ReconcileReport report) {
        Map<String, String> actions = new TreeMap<>();
        report.items().forEach(item -> actions.put(item.userName(), item.action() + "/" + item.result()));
        return actions;
    }

    private static List<RecordedRequest> writes() {
        return lucid.requests().matching(request -> !request.method().equals("GET"));
    }

    /** Dave leaves: the first run deactivates him (and remembers it); the roster then rehires him. */
    private List<ScimUser> afterDaveLeft() {
        report(reconcile(List.of(person("alice", "Engineer"), person("bob", "Engineer"), person("carol", "Engineer")),
                ""));
        assertThat(lucid.user(dave).orElseThrow().path("active").asBoolean()).isFalse();
        lucid.requests().clear();
        return List.of(person("alice", "Engineer"), person("bob", "Staff Engineer"), person("dave", "Engineer"),
                person("eve", "Designer"));
    }

    @Test
    void aDryRunChangesNothingAndListsExactlyThePlannedActions() {
        List<ScimUser> roster = afterDaveLeft();
        JsonNode before = ScimJson.toTree(lucid.users());

        ReconcileReport plan = report(reconcile(roster, "&dryRun=true"));

        assertThat(writes()).isEmpty();
        assertThat(ScimJson.toTree(lucid.users())).isEqualTo(before);
        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.applied()).isFalse();
        assertThat(actions(plan)).isEqualTo(Map.of(
                "alice@example.com", "UNCHANGED/NOTHING",
                "bob@example.com", "UPDATE/PLANNED",
                "carol@example.com", "DEACTIVATE/PLANNED",
                "dave@example.com", "REACTIVATE/PLANNED",
                "eve@example.com", "CREATE/PLANNED",
                "admin@example.com", "UNMANAGED/NOTHING"));
        assertThat(plan.items()).filteredOn(item -> item.userName().equals("bob@example.com")).singleElement()
                .satisfies(item -> assertThat(item.changedAttributes()).containsExactly("title"));
        assertThat(plan.toTable()).contains("dry run", "reactivate", "dave@example.com");
        assertThat(ScimJson.toTree(plan).path("actions").path("CREATE").asInt()).isEqualTo(1);
    }

    @Test
    void theRunBringsLucidToTheRosterWithListingPagesPlusWritesAndLeavesUnmanagedAccountsAlone() {
        List<ScimUser> roster = afterDaveLeft();

        ReconcileReport report = report(reconcile(roster, ""));

        assertThat(report.applied()).isTrue();
        assertThat(report.failures()).isEmpty();
        assertThat(lucid.user(bob).orElseThrow().path("title").asText()).isEqualTo("Staff Engineer");
        assertThat(lucid.user(dave).orElseThrow().path("active").asBoolean()).isTrue();
        assertThat(lucid.user(carol).orElseThrow().path("active").asBoolean()).isFalse();
        assertThat(lucid.user(admin).orElseThrow().path("active").asBoolean()).isTrue();
        assertThat(lucid.userByUserName("eve@example.com")).hasValueSatisfying(eve ->
                assertThat(eve.path("externalId").asText()).isEqualTo("E-eve"));
        List<String> activeManaged = new ArrayList<>();
        lucid.users().forEach(user -> {
            if (user.path("active").asBoolean() && user.has("externalId")) {
                activeManaged.add(user.path("userName").asText());
            }
        });
        assertThat(activeManaged).containsExactlyInAnyOrder(roster.stream().map(ScimUser::userName).toArray(
                String[]::new));

        long gets = lucid.requests().count("GET", "/Users");
        assertThat(gets).as("listing pages").isEqualTo(report.listingRequests());
        assertThat(writes()).hasSize(report.plannedWrites()).hasSize(4);
        assertThat(lucid.requests().size()).isEqualTo(report.listingRequests() + report.plannedWrites());
    }

    @Test
    void aSecondRunMakesNoWrite() {
        List<ScimUser> roster = afterDaveLeft();
        report(reconcile(roster, ""));
        lucid.requests().clear();

        ReconcileReport second = report(reconcile(roster, ""));

        assertThat(writes()).isEmpty();
        assertThat(second.plannedWrites()).isZero();
    }

    @Test
    void aRosterMissingMostPeopleTripsTheThresholdAndChangesNothing() {
        JsonNode before = ScimJson.toTree(lucid.users());

        Exchange exchange = reconcile(List.of(person("alice", "Engineer")), "");

        assertThat(exchange.getException()).isInstanceOf(ReconcileThresholdExceededException.class)
                .hasMessageContaining("deactivate 3 of 4 managed users (75.0%)").hasMessageContaining("nothing was");
        ReconcileReport plan = ((ReconcileThresholdExceededException) exchange.getException()).getPlan();
        assertThat(plan.count(ReconcileAction.DEACTIVATE)).isEqualTo(3);
        assertThat(writes()).isEmpty();
        assertThat(ScimJson.toTree(lucid.users())).isEqualTo(before);

        Exchange byCount = reconcile(List.of(person("alice", "Engineer"), person("bob", "Engineer"),
                person("carol", "Engineer")), "&maxDeactivations=0");
        assertThat(byCount.getException()).isInstanceOf(ReconcileThresholdExceededException.class)
                .hasMessageContaining("maxDeactivations=0");
        assertThat(writes()).isEmpty();
    }

    @Test
    void aRosterThatCannotBeValidIsRejectedWithEveryRowNamedBeforeAnyCall() {
        ScimUser noEmail = ScimUser.builder().userName("x@example.com").externalId("E-x").build();
        Exchange bad = reconcile(List.of(person("alice", "Engineer"), noEmail, person("alice", "Boss")), "");

        assertThat(bad.getException()).isInstanceOf(ScimValidationException.class);
        assertThat(((ScimValidationException) bad.getException()).getProblems()).anySatisfy(problem ->
                assertThat(problem).contains("row 2", "emails is missing")).anySatisfy(problem ->
                assertThat(problem).contains("row 3", "also on row 1"));
        assertThat(reconcile(List.of(), "").getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("empty");
        assertThat(lucid.requests().size()).isZero();
    }

    @Test
    void aUserTheConsumerSawDeactivatedIsReactivatedNotCreated() {
        ((LucidScimConsumer) context.getRoute("feed").getConsumer()).run();
        patchActive(dave, false);
        ((LucidScimConsumer) context.getRoute("feed").getConsumer()).run();
        lucid.requests().clear();

        ReconcileReport report = report(reconcile(List.of(person("alice", "Engineer"), person("bob", "Engineer"),
                person("carol", "Engineer"), person("dave", "Engineer")), ""));

        assertThat(actions(report)).containsEntry("dave@example.com", "REACTIVATE/APPLIED");
        assertThat(lucid.user(dave).orElseThrow().path("active").asBoolean()).isTrue();
        assertThat(lucid.requests().count("POST", "/Users")).isZero();
    }

    @Test
    void aRosterCanBeAJsonArray() {
        String roster = ScimJson.toJson(List.of(person("alice", "Engineer"), person("bob", "Engineer"),
                person("carol", "Engineer"), person("dave", "Engineer")));

        ReconcileReport report = report(template.request(RECONCILE, e -> e.getMessage().setBody(roster)));

        assertThat(report.plannedWrites()).isZero();
    }

    private static void patchActive(String id, boolean active) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(lucid.baseUrl() + "/Users/" + id))
                            .header("Authorization", "Bearer " + lucid.token())
                            .header("Content-Type", "application/scim+json")
                            .method("PATCH", HttpRequest.BodyPublishers.ofString(
                                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                                    + "[{\"op\":\"replace\",\"path\":\"active\",\"value\":" + active + "}]}"))
                            .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
