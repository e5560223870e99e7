package dev.lucidscim.camel.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.audit.AuditChain;
import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.audit.ChainCheck;
import dev.lucidscim.audit.MemoryAuditLedger;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.camel.producer.reconcile.ReconcileRoster;
import dev.lucidscim.camel.producer.reconcile.RosterGroup;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PlannedChange;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The audit ledger in routes against the simulator: every write the simulator's request log shows is a record of the
 * ledger, one to one, whatever operation made it; the records reach the auditEndpoint as JSON, without a password;
 * and a reconcile run's inverse plan, applied, brings the directory back.
 */
class AuditLedgerRouteTest extends SimulatedLucidTestSupport {

    private static final String AUDIT = "auditLedger=#ledger&auditEndpoint=direct:audit";
    private static final String USERS = "lucid-scim:users?" + AUDIT;
    private static final String GROUPS = "lucid-scim:groups?" + AUDIT;
    private static final String RECONCILE = USERS + "&operation=reconcile&managedUsers=withExternalId"
                                            + "&maxDeactivationPercent=100";
    private static final String PASSWORD = "Sup3r-secret-passw0rd";

    private final MemoryAuditLedger ledger = new MemoryAuditLedger();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("ledger", ledger);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the records pass a split on lines on their way, as a consumer of a file of them would read it
                from("direct:audit").split(body().tokenize("\n")).to("mock:audit");
            }
        };
    }

    private static ScimUser person(String name, String title) {
        return ScimUser.builder().userName(name + "@example.com").email(name + "@example.com")
                .externalId("E-" + name).name(name, "Example").title(title).active(true)
                .enterprise(EnterpriseUser.builder().department("Engineering").build()).build();
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        Exchange answer = template.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
        if (answer.getException() != null) {
            throw new AssertionError(answer.getException());
        }
        return answer;
    }

    /** The writes the simulator saw, as method and path. */
    private static List<String> simulatorWrites() {
        return lucid.requests().matching(request -> !request.method().equals("GET")).stream()
                .map(AuditLedgerRouteTest::methodAndPath).toList();
    }

    private static String methodAndPath(RecordedRequest request) {
        return request.method() + " " + request.path();
    }

    private static String methodAndPath(AuditRecord record) {
        String collection = "/" + record.resourceType() + "s";
        return record.method() + " " + (record.method().equals("POST") ? collection
                : collection + "/" + record.resourceId());
    }

    @Test
    void eachRawOperationsWriteIsOneRecordInOrderAndReachesTheEndpointWithoutThePassword() throws Exception {
        String existing = lucid.seedUser(ScimJson.toJson(person("dora", "Engineer")));
        MockEndpoint audit = getMockEndpoint("mock:audit");

        ScimUser ann = send(USERS + "&operation=create", person("ann", "Engineer").toBuilder().password(PASSWORD)
                .build(), Map.of()).getMessage().getBody(ScimUser.class);
        send(USERS + "&operation=replace", person("ann", "Lead").toBuilder().id(ann.id()).build(), Map.of());
        send(USERS + "&operation=patch", PatchRequest.of(PatchOperation.replace("title", "Director"),
                PatchOperation.replace("password", PASSWORD)), Map.of(LucidScimConstants.RESOURCE_ID, ann.id()));
        send(USERS + "&operation=deactivate", null, Map.of(LucidScimConstants.RESOURCE_ID, existing));
        send(USERS + "&operation=reactivate", null, Map.of(LucidScimConstants.RESOURCE_ID, existing));
        send(USERS + "&operation=upsert", person("dora", "Manager"), Map.of());
        ScimGroup group = send(GROUPS + "&operation=create", ScimGroup.builder().displayName("Sales")
                .memberIds(List.of(ann.id())).build(), Map.of()).getMessage().getBody(ScimGroup.class);
        send(GROUPS + "&operation=addMembers", null, Map.of(LucidScimConstants.RESOURCE_ID, group.id(),
                LucidScimConstants.MEMBER_IDS, List.of(existing)));
        send(GROUPS + "&operation=removeMembers", null, Map.of(LucidScimConstants.RESOURCE_ID, group.id(),
                LucidScimConstants.MEMBER_IDS, List.of(ann.id())));
        send(GROUPS + "&operation=upsert", ScimGroup.builder().displayName("Sales").memberIds(List.of(ann.id(),
                existing)).build(), Map.of());
        send(USERS + "&operation=delete&allowHardDelete=true", null, Map.of(LucidScimConstants.RESOURCE_ID, ann.id()));

        List<AuditRecord> records = ledger.all();
        assertThat(records.stream().map(AuditLedgerRouteTest::methodAndPath).toList())
                .isEqualTo(simulatorWrites());
        assertThat(records.stream().map(AuditRecord::outcome).toList()).containsExactly("created", "updated",
                "updated", "deactivated", "reactivated", "updated", "created", "membersChanged", "membersChanged",
                "membersChanged", "deleted");
        assertThat(records.stream().map(AuditRecord::operation).toList()).containsExactly("create", "replace",
                "patch", "deactivate", "reactivate", "upsert", "create", "addMembers", "removeMembers", "upsert",
                "delete");
        assertThat(AuditChain.check(records).intact()).isTrue();
        // the values before: the replace knew the created user by one GET, the upsert by its match
        assertThat(records.get(1).changes()).anySatisfy(change -> {
            assertThat(change.path()).isEqualTo("title");
            assertThat(change.before().asText()).isEqualTo("Engineer");
            assertThat(change.after().asText()).isEqualTo("Lead");
        });
        assertThat(records.get(5).changes()).anySatisfy(change -> {
            assertThat(change.path()).isEqualTo("title");
            assertThat(change.before().asText()).isEqualTo("Engineer");
        });
        assertThat(records.get(2).changes()).anySatisfy(change -> {
            assertThat(change.path()).isEqualTo("password");
            assertThat(change.before()).isNull();
            assertThat(change.after()).isNull();
        });

        audit.expectedMessageCount(records.size());
        audit.assertIsSatisfied();
        List<AuditRecord> received = new ArrayList<>();
        for (Exchange line : audit.getExchanges()) {
            String json = line.getMessage().getBody(String.class);
            assertThat(json).doesNotContain(PASSWORD).doesNotContain(lucid.token());
            received.add(ScimJson.read(json.getBytes(StandardCharsets.UTF_8), AuditRecord.class));
        }
        assertThat(received).isEqualTo(records);
        assertThat(ScimJson.toJson(records)).doesNotContain(PASSWORD);
    }

    @Test
    void aFailedWriteIsRecordedWithItsStatus() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(USERS + "&operation=patch",
                PatchRequest.of(PatchOperation.replace("title", "x")), LucidScimConstants.RESOURCE_ID, "lucid-nobody"))
                .isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(ScimNotFoundException.class);
        AuditRecord failed = ledger.all().get(0);
        assertThat(failed.outcome()).isEqualTo("failed");
        assertThat(failed.status()).isEqualTo(404);
        assertThat(failed.resourceId()).isEqualTo("lucid-nobody");
        assertThat(failed.detail()).isNotBlank();
    }

    @Test
    void theChainCheckFindsAnAlteredAndARemovedRecordInMemory() {
        for (String name : List.of("ann", "bob", "cat")) {
            send(USERS + "&operation=create", person(name, "Engineer"), Map.of());
        }
        List<AuditRecord> records = new ArrayList<>(ledger.all());
        assertThat(AuditChain.check(records).intact()).isTrue();

        List<AuditRecord> altered = new ArrayList<>(records);
        AuditRecord second = records.get(1);
        altered.set(1, new AuditRecord(second.sequence(), second.time(), second.tenantHost(), second.operation(),
                second.resourceType(), second.resourceId(), "mallory@example.com", second.method(), second.changes(),
                second.outcome(), second.status(), second.version(), second.detail(), second.runId(),
                second.planId(), second.exchangeId(), second.previousHash(), second.hash()));
        ChainCheck alteredCheck = AuditChain.check(altered);
        assertThat(alteredCheck.kind()).isEqualTo(ChainCheck.Break.ALTERED);
        assertThat(alteredCheck.brokenAt()).isEqualTo(2);

        List<AuditRecord> removed = new ArrayList<>(records);
        removed.remove(1);
        ChainCheck removedCheck = AuditChain.check(removed);
        assertThat(removedCheck.kind()).isEqualTo(ChainCheck.Break.REMOVED);
        assertThat(removedCheck.brokenAt()).isEqualTo(2);
    }

    @Test
    void aReconcileRunsLedgerListsEveryWriteAndItsRevertBringsTheDirectoryBack() throws Exception {
        String alice = lucid.seedUser(ScimJson.toJson(person("alice", "Engineer")));
        lucid.seedUser(ScimJson.toJson(person("bob", "Engineer")));
        String dave = lucid.seedUser(ScimJson.toJson(person("dave", "Engineer")));
        lucid.seedGroup(ScimJson.toJson(ScimGroup.builder().displayName("Engineering")
                .memberIds(List.of(alice, dave)).build()));
        Map<String, JsonNode> before = directory();
        lucid.requests().clear();

        ReconcileRoster roster = ReconcileRoster.of(List.of(person("alice", "Lead"), person("bob", "Engineer"),
                person("carol", "Engineer"))).withGroups(List.of(
                new RosterGroup("Engineering", List.of("alice@example.com", "carol@example.com")),
                new RosterGroup("Design", List.of("bob@example.com"))));
        Exchange run = send(RECONCILE, roster, Map.of());
        String runId = run.getMessage().getHeader(LucidScimConstants.RUN_ID, String.class);
        assertThat(runId).isNotBlank();

        List<AuditRecord> records = ledger.recordsOfRun(runId);
        assertThat(records.stream().map(AuditLedgerRouteTest::methodAndPath).sorted().toList())
                .isEqualTo(simulatorWrites().stream().sorted().toList());
        assertThat(records).extracting(AuditRecord::outcome)
                .contains("created", "updated", "deactivated", "membersChanged");
        assertThat(records).allSatisfy(record -> assertThat(record.operation()).isEqualTo("reconcile"));
        assertThat(lucid.requests().count("GET", "/Users/") + lucid.requests().count("GET", "/Groups/"))
                .as("the values before come from the listings: no read of one resource").isZero();

        ChangePlan plan = send(USERS + "&operation=revert&dryRun=true", null,
                Map.of(LucidScimConstants.RUN_ID, runId)).getMessage().getBody(ChangePlan.class);
        assertThat(plan.kind()).isEqualTo("revert");
        assertThat(plan.reverts()).isEqualTo(runId);
        assertThat(plan.changes()).extracting(PlannedChange::action)
                .contains("deactivate", "reactivate", "update");

        Exchange revert = send(USERS + "&operation=revert", null, Map.of(LucidScimConstants.RUN_ID, runId));
        ReconcileReport reverted = revert.getMessage().getBody(ReconcileReport.class);
        assertThat(reverted.failures()).isEmpty();
        assertThat(reverted.skipped()).isEmpty();
        String revertRun = revert.getMessage().getHeader(LucidScimConstants.RUN_ID, String.class);
        assertThat(revertRun).as("the revert is a run of its own").isNotEqualTo(runId);
        assertThat(ledger.recordsOfRun(revertRun)).as("one record per write of the inverse plan")
                .hasSize(plan.changes().size())
                .allSatisfy(record -> assertThat(record.operation()).isEqualTo("revert"));
        Map<String, JsonNode> after = directory();
        String carol = lucid.userByUserName("carol@example.com").orElseThrow().get("id").asText();
        assertThat(after.get(carol).get("active").asBoolean()).as("created by the run: deactivated").isFalse();
        after.remove(carol);
        String design = lucid.groupByName("Design").orElseThrow().get("id").asText();
        assertThat(after.get(design).path("members")).as("created by the run: emptied").isEmpty();
        after.remove(design);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void approvingATrippedPlanIsRecordedWithWhoDecidedAndItsWritesUnderThePlansId() {
        lucid.seedUser(ScimJson.toJson(person("alice", "Engineer")));
        lucid.seedUser(ScimJson.toJson(person("bob", "Engineer")));
        String breaker = USERS + "&operation=reconcile&managedUsers=withExternalId&maxDeactivations=0";
        Exchange tripped = template.request(breaker, exchange -> exchange.getMessage().setBody(
                ReconcileRoster.of(List.of(person("alice", "Engineer")))));
        assertThat(tripped.getException()).isNotNull();
        String planId = tripped.getMessage().getHeader(LucidScimConstants.PLAN_ID, String.class);
        assertThat(ledger.all()).as("a tripped breaker writes nothing").isEmpty();

        // the same endpoint: its in-memory state repository holds the pending plan
        send(breaker, null, Map.of(LucidScimConstants.OPERATION, "approve", LucidScimConstants.PLAN_ID, planId,
                LucidScimConstants.APPROVED_BY, "dana@example.com"));

        List<AuditRecord> ofPlan = ledger.recordsOfRun(planId);
        assertThat(ofPlan).extracting(AuditRecord::resourceType, AuditRecord::outcome, AuditRecord::name)
                .containsExactly(tuple("Plan", "approved", "dana@example.com"),
                        tuple("User", "deactivated", "bob@example.com"));
        assertThat(ofPlan).allSatisfy(record -> assertThat(record.planId()).isEqualTo(planId));
        assertThat(AuditChain.check(ledger.all()).intact()).isTrue();

        ChangePlan undo = send(USERS + "&operation=revert&dryRun=true", null,
                Map.of(LucidScimConstants.RUN_ID, planId)).getMessage().getBody(ChangePlan.class);
        assertThat(undo.changes()).as("the decision wrote nothing: only the deactivation is undone")
                .extracting(PlannedChange::action, PlannedChange::name)
                .containsExactly(tuple("reactivate", "bob@example.com"));
    }

    @Test
    void revertIsRefusedWithoutALedgerOrForAnUnknownRun() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("lucid-scim:users?operation=revert&dryRun=true",
                null, LucidScimConstants.RUN_ID, "run-1")).cause().hasMessageContaining("set auditLedger");
        assertThatThrownBy(() -> template.requestBodyAndHeader(USERS + "&operation=revert&dryRun=true",
                null, LucidScimConstants.RUN_ID, "run-1")).cause().hasMessageContaining("is not in the audit ledger");
        assertThat(lucid.requests().size()).isZero();
    }

    /** Every user and group as the simulator holds it, without meta (times and versions move). */
    private static Map<String, JsonNode> directory() {
        Map<String, JsonNode> all = new HashMap<>();
        List<JsonNode> resources = new ArrayList<>(lucid.users());
        resources.addAll(lucid.groups());
        for (JsonNode resource : resources) {
            ObjectNode copy = resource.deepCopy();
            copy.remove("meta");
            all.put(copy.get("id").asText(), copy);
        }
        return all;
    }
}
