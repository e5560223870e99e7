package dev.lucidscim.camel.producer.plan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.camel.producer.reconcile.ReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.camel.producer.reconcile.ReconcileThresholdExceededException;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PlannedChange;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans against the simulator (Lucid's dialect; {@link LucidScimPlansStandardDialectTest} runs the same with a strict
 * RFC server): a dry run's plan stored as a file and applied later, with a person changed meanwhile; a tripped
 * breaker's plan pending, approved or rejected; plans refused before any request.
 */
class LucidScimPlansTest extends SimulatedLucidTestSupport {

    @TempDir
    static Path plans;

    private final MemoryStateRepository state = new MemoryStateRepository();
    private String alice;
    private String bob;
    private String dave;

    /** The endpoints' dialect option, matching the simulator's. */
    String dialect() {
        return "lucid";
    }

    private String users(String options) {
        return "lucid-scim:users?managedUsers=withExternalId&stateRepository=#state&stateKey=plans&dialect="
               + dialect() + options;
    }

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
                // review first: the dry run's plan, as JSON in a file
                from("direct:plan").to(users("&operation=reconcile&dryRun=true&maxDeactivationPercent=50"))
                        .setBody(simple("${body.plan}")).marshal().json()
                        .to("file:" + plans + "?fileName=plan.json");
                // later: apply exactly that file
                from("direct:apply").pollEnrich("file:" + plans + "?fileName=plan.json&noop=true&idempotent=false",
                        5000).convertBodyTo(byte[].class)
                        .to(users("&operation=apply&maxDeactivationPercent=50"));
            }
        };
    }

    private static ScimUser person(String name, String title) {
        return ScimUser.builder().userName(name + "@example.com").email(name + "@example.com")
                .externalId("E-" + name).name(name, "Example").title(title).active(true)
                .enterprise(EnterpriseUser.builder().department("Engineering").build()).build();
    }

    @BeforeEach
    void seedDirectory() {
        alice = lucid.seedUser(ScimJson.toJson(person("alice", "Engineer")));
        bob = lucid.seedUser(ScimJson.toJson(person("bob", "Engineer")));
        lucid.seedUser(ScimJson.toJson(person("carol", "Engineer")));
        dave = lucid.seedUser(ScimJson.toJson(person("dave", "Engineer")));
        lucid.seedUser(ScimJson.toJson(ScimUser.builder().userName("admin@example.com").email("admin@example.com")
                .build()));
    }

    /** Alice and Bob are promoted, Dave left, Eve joins. */
    private static List<ScimUser> roster() {
        return List.of(person("alice", "Staff Engineer"), person("bob", "Lead"), person("carol", "Engineer"),
                person("eve", "Designer"));
    }

    private ChangePlan dryRun() {
        Exchange planned = template.request("direct:plan", exchange -> exchange.getMessage().setBody(roster()));
        assertThat(planned.getException()).isNull();
        lucid.requests().clear();
        try {
            return ScimJson.read(Files.readAllBytes(plans.resolve("plan.json")), ChangePlan.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RecordedRequest> writes() {
        return lucid.requests().matching(request -> !request.method().equals("GET"));
    }

    private static Map<String, String> results(ReconcileReport report) {
        Map<String, String> results = new TreeMap<>();
        report.items().forEach(item -> results.put(item.userName(), item.action() + "/" + item.result()));
        return results;
    }

    @Test
    void aPlanAppliedAfterSomeoneChangedAPlannedUserSkipsThatUserAndSaysSo() {
        ChangePlan plan = dryRun();
        assertThat(plan.changes()).extracting(PlannedChange::name, PlannedChange::action).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("alice@example.com", "update"),
                org.assertj.core.groups.Tuple.tuple("bob@example.com", "update"),
                org.assertj.core.groups.Tuple.tuple("dave@example.com", "deactivate"),
                org.assertj.core.groups.Tuple.tuple("eve@example.com", "create"));
        assertThat(plan.changes()).filteredOn(change -> change.id() != null)
                .allSatisfy(change -> assertThat(change.version()).as("listed with its version").isNotBlank());
        assertThat(writes()).as("a dry run writes nothing").isEmpty();

        patch(bob, "title", "\"Principal\""); // someone else, meanwhile
        lucid.requests().clear();

        Exchange applied = template.request("direct:apply", exchange -> { });

        assertThat(applied.getException()).isNull();
        ReconcileReport report = applied.getMessage().getBody(ReconcileReport.class);
        assertThat(applied.getMessage().getHeader(LucidScimConstants.RUN_ID)).isEqualTo(plan.id());
        assertThat(results(report)).isEqualTo(Map.of(
                "alice@example.com", "UPDATE/APPLIED",
                "bob@example.com", "UPDATE/SKIPPED",
                "dave@example.com", "DEACTIVATE/APPLIED",
                "eve@example.com", "CREATE/APPLIED"));
        assertThat(report.skipped()).singleElement()
                .satisfies(item -> assertThat(item.error()).contains("changed at Lucid since it was planned"));
        assertThat(report.toTable()).contains("skipped");
        assertThat(lucid.user(bob).orElseThrow().path("title").asText()).as("never overwritten")
                .isEqualTo("Principal");
        assertThat(lucid.user(alice).orElseThrow().path("title").asText()).isEqualTo("Staff Engineer");
        assertThat(lucid.user(dave).orElseThrow().path("active").asBoolean()).isFalse();
        assertThat(writes()).filteredOn(request -> request.path().equals("/Users/" + bob))
                .allSatisfy(request -> assertThat(request.status()).isEqualTo(412));
    }

    @Test
    void aTrippedBreakerApprovedAppliesExactlyTheStoredPlanAndNothingElse() {
        Exchange tripped = template.request(users("&operation=reconcile"),
                exchange -> exchange.getMessage().setBody(List.of(person("alice", "Staff Engineer"))));

        assertThat(tripped.getException()).isInstanceOf(ReconcileThresholdExceededException.class)
                .hasMessageContaining("operation=approve");
        String planId = ((ReconcileThresholdExceededException) tripped.getException()).getPlanId();
        assertThat(tripped.getMessage().getHeader(LucidScimConstants.PLAN_ID)).isEqualTo(planId);
        assertThat(writes()).isEmpty();
        ChangePlan stored = pendingPlan(planId);
        lucid.requests().clear();

        // the roster moved on meanwhile: Zed joined; the approval applies the plan, not this body
        Exchange approved = template.request(users("&operation=approve"), exchange -> {
            exchange.getMessage().setHeader(LucidScimConstants.PLAN_ID, planId);
            exchange.getMessage().setHeader(LucidScimConstants.APPROVED_BY, "ops@example.com");
            exchange.getMessage().setBody(List.of(person("zed", "Engineer")));
        });

        assertThat(approved.getException()).isNull();
        assertThat(approved.getMessage().getHeader(LucidScimConstants.RUN_ID)).isEqualTo(planId);
        assertThat(writes()).extracting(request -> request.method() + " " + request.path())
                .containsExactlyInAnyOrderElementsOf(stored.changes().stream()
                        .map(change -> "PATCH /Users/" + change.id()).toList());
        assertThat(stored.changes()).extracting(PlannedChange::name).containsExactlyInAnyOrder("alice@example.com",
                "bob@example.com", "carol@example.com", "dave@example.com");
        assertThat(lucid.userByUserName("zed@example.com")).isEmpty();
        assertThat(lucid.activeUserCount()).isEqualTo(2); // alice and the unmanaged admin

        Exchange again = template.request(users("&operation=approve"),
                exchange -> exchange.getMessage().setHeader(LucidScimConstants.PLAN_ID, planId));
        assertThat(again.getException()).as("approving twice").isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("No pending plan").hasMessageContaining(planId);
        assertThat(writes()).hasSize(stored.changes().size());
    }

    @Test
    void aRejectedPlanIsDroppedUnapplied() {
        Exchange tripped = template.request(users("&operation=reconcile"),
                exchange -> exchange.getMessage().setBody(List.of(person("alice", "Engineer"))));
        String planId = ((ReconcileThresholdExceededException) tripped.getException()).getPlanId();

        Exchange rejected = template.request(users("&operation=reject"),
                exchange -> exchange.getMessage().setHeader(LucidScimConstants.PLAN_ID, planId));

        assertThat(rejected.getException()).isNull();
        assertThat(pendingPlans()).isEmpty();
        Exchange approved = template.request(users("&operation=approve"),
                exchange -> exchange.getMessage().setHeader(LucidScimConstants.PLAN_ID, planId));
        assertThat(approved.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("No pending plan");
        assertThat(writes()).isEmpty();
        assertThat(lucid.activeUserCount()).isEqualTo(5);
    }

    @Test
    void anApprovalRefusedForItsAgeLeavesThePlanPendingToBeRejected() throws InterruptedException {
        Exchange tripped = template.request(users("&operation=reconcile"),
                exchange -> exchange.getMessage().setBody(List.of(person("alice", "Engineer"))));
        String planId = ((ReconcileThresholdExceededException) tripped.getException()).getPlanId();
        Thread.sleep(5);

        Exchange tooLate = template.request(users("&operation=approve&maxPlanAge=1ms"),
                exchange -> exchange.getMessage().setHeader(LucidScimConstants.PLAN_ID, planId));

        assertThat(tooLate.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("maxPlanAge");
        assertThat(pendingPlans()).extracting(pending -> pending.plan().id()).containsExactly(planId);
        assertThat(writes()).isEmpty();
    }

    @Test
    void aPlanOlderThanMaxPlanAgeOrOfAnotherTenantIsRefusedBeforeAnyRequest() {
        ChangePlan plan = dryRun();
        ChangePlan old = new ChangePlan(plan.id(), plan.created().minus(Duration.ofHours(25)), plan.tenantHost(),
                plan.kind(), plan.rosterDigest(), null, plan.changes(), plan.base());
        ChangePlan elsewhere = new ChangePlan(plan.id(), plan.created(), "acme.example.com", plan.kind(),
                plan.rosterDigest(), null, plan.changes(), plan.base());

        Exchange tooOld = template.request(users("&operation=apply&maxDeactivationPercent=50"),
                exchange -> exchange.getMessage().setBody(old));
        Exchange otherTenant = template.request(users("&operation=apply&maxDeactivationPercent=50"),
                exchange -> exchange.getMessage().setBody(ScimJson.toJson(elsewhere)));

        assertThat(tooOld.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("maxPlanAge");
        assertThat(otherTenant.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("acme.example.com");
        assertThat(lucid.requests().all()).isEmpty();

        Exchange withinAge = template.request(users("&operation=apply&maxDeactivationPercent=50&maxPlanAge=26h"),
                exchange -> exchange.getMessage().setBody(ScimJson.convert(old, Map.class)));
        assertThat(withinAge.getException()).isNull();
    }

    @Test
    void aPlanTravelsAsJsonThroughFilesAndBackUnchanged() throws Exception {
        Exchange planned = template.request(users("&operation=reconcile&dryRun=true&maxDeactivationPercent=50"),
                exchange -> exchange.getMessage().setBody(roster()));
        ReconcileReport report = planned.getMessage().getBody(ReconcileReport.class);

        ChangePlan fromFile = dryRun();
        ReconcileReport reread = ScimJson.read(ScimJson.toBytes(report), ReconcileReport.class);

        assertThat(ScimJson.toTree(reread.plan())).isEqualTo(ScimJson.toTree(report.plan()));
        assertThat(fromFile.rosterDigest()).as("the same roster, the same digest")
                .isEqualTo(report.plan().rosterDigest()).hasSize(64);
        assertThat(fromFile.tenantHost()).isEqualTo("127.0.0.1:" + lucid.port());
        assertThat(report.plan().changes()).filteredOn(change -> change.action().equals("deactivate"))
                .singleElement().satisfies(change -> assertThat(change.changes()).singleElement()
                        .satisfies(active -> {
                            assertThat(active.path()).isEqualTo("active");
                            assertThat(active.before().asBoolean()).isTrue();
                            assertThat(active.after().asBoolean()).isFalse();
                        }));
        assertThat(report.items()).extracting(ReconcileItem::result).doesNotContain(ReconcileItem.Result.APPLIED);
    }

    private ChangePlan pendingPlan(String planId) {
        return pendingPlans().stream().filter(pending -> pending.plan().id().equals(planId)).findFirst()
                .orElseThrow().plan();
    }

    private List<dev.lucidscim.plan.PendingPlans.PendingPlan> pendingPlans() {
        try {
            return context.getEndpoint(users(""), dev.lucidscim.camel.LucidScimEndpoint.class).pendingPlans()
                    .pending();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void patch(String id, String attribute, String jsonValue) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(lucid.baseUrl() + "/Users/" + id))
                            .header("Authorization", "Bearer " + lucid.token())
                            .header("Content-Type", "application/scim+json")
                            .method("PATCH", HttpRequest.BodyPublishers.ofString(
                                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                                    + "[{\"op\":\"replace\",\"path\":\"" + attribute + "\",\"value\":" + jsonValue
                                    + "}]}"))
                            .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
