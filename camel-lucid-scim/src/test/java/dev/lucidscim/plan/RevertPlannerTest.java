package dev.lucidscim.plan;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.client.MemberRemoval;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The inverse plan of a run, from its records alone: for each kind of write, the operations that undo it. */
class RevertPlannerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String DEPARTMENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department";

    private static AuditRecord record(String type, String id, String method, String outcome, String version,
                                      AttributeChange... changes) {
        return new AuditRecord(0, NOW, "lucid.test", "reconcile", type, id, id + "-name", method, List.of(changes),
                outcome, 200, version, null, "run-1", null, "exchange-1", "", "hash-" + id);
    }

    private static AttributeChange change(String path, Object before, Object after) {
        return new AttributeChange(path, node(before), node(after));
    }

    private static JsonNode node(Object value) {
        return value == null ? null : ScimJson.toTree(value);
    }

    private static ChangePlan plan(MemberRemoval removal, AuditRecord... records) {
        RevertPlanner.Result result = RevertPlanner.plan("run-1", List.of(records), removal, "plan-1", NOW);
        assertThat(result.notUndone()).isEmpty();
        return result.plan();
    }

    @Test
    void eachWriteIsUndoneByItsInverseOperationsInReverseOrder() {
        ChangePlan plan = plan(MemberRemoval.VALUE_LIST,
                record("User", "u-created", "POST", "created", "v1", change("userName", null, "new@example.com"),
                        change("active", null, true)),
                record("User", "u-left", "PATCH", "deactivated", "v2", change("active", true, false)),
                record("User", "u-rehired", "PATCH", "reactivated", "v3", change("active", false, true),
                        change("title", null, "Engineer")),
                record("User", "u-moved", "PATCH", "updated", "v4", change("title", "Engineer", "Lead"),
                        change(DEPARTMENT, "R&D", "Sales"), change("password", null, null)),
                record("Group", "g-1", "PATCH", "membersChanged", "v5",
                        change(AttributeChange.memberPath("u-created"), null, "u-created"),
                        change(AttributeChange.memberPath("u-left"), "u-left", null)),
                record("Group", "g-new", "POST", "created", "v6", change("displayName", null, "Design"),
                        change(AttributeChange.memberPath("u-moved"), null, "u-moved")));

        assertThat(plan.kind()).isEqualTo("revert");
        assertThat(plan.reverts()).isEqualTo("run-1");
        assertThat(plan.id()).isEqualTo("plan-1");
        assertThat(plan.changes()).extracting(PlannedChange::id)
                .containsExactly("g-new", "g-1", "u-moved", "u-rehired", "u-left", "u-created");
        assertThat(plan.changes()).extracting(PlannedChange::action)
                .containsExactly("update", "update", "update", "deactivate", "reactivate", "deactivate");
        assertThat(plan.changes()).extracting(PlannedChange::version)
                .containsExactly("v6", "v5", "v4", "v3", "v2", "v1");

        assertThat(plan.changes().get(0).operations()).as("a group created: its members removed, kept")
                .containsExactly(PatchOperation.remove("members", List.of(ScimReference.of("u-moved"))));
        assertThat(plan.changes().get(1).operations()).containsExactly(
                PatchOperation.add("members", List.of(ScimReference.of("u-left"))),
                PatchOperation.remove("members", List.of(ScimReference.of("u-created"))));
        assertThat(json(plan.changes().get(2).operations())).isEqualTo(json(List.of(
                PatchOperation.replace("title", "Engineer"),
                PatchOperation.replace(DEPARTMENT, "R&D"))));
        assertThat(json(plan.changes().get(3).operations())).isEqualTo(json(List.of(
                PatchOperation.replace("active", false), PatchOperation.remove("title"))));
        assertThat(json(plan.changes().get(4).operations())).isEqualTo(json(List.of(
                PatchOperation.replace("active", true))));
        assertThat(json(plan.changes().get(5).operations())).as("a user created: deactivated, never deleted")
                .isEqualTo(json(List.of(PatchOperation.replace("active", false))));
        assertThat(plan.changes().get(2).changes()).extracting(AttributeChange::path).doesNotContain("password");
    }

    @Test
    void severalWritesOfOneResourceAreUndoneToTheValueBeforeTheFirst() {
        ChangePlan plan = plan(MemberRemoval.VALUE_FILTER,
                record("User", "u-1", "PATCH", "updated", "v1", change("title", "Engineer", "Lead")),
                record("Group", "g-1", "PATCH", "membersChanged", "v2",
                        change(AttributeChange.memberPath("u-2"), "u-2", null)),
                record("User", "u-1", "PATCH", "updated", "v3", change("title", "Lead", "Director")));

        assertThat(plan.changes()).extracting(PlannedChange::id).containsExactly("u-1", "g-1");
        PlannedChange user = plan.changes().get(0);
        assertThat(user.version()).isEqualTo("v3");
        assertThat(json(user.operations())).isEqualTo(json(List.of(PatchOperation.replace("title", "Engineer"))));
        assertThat(plan.changes().get(1).operations()).as("the dialect's form of a removal, inverted: an add")
                .containsExactly(PatchOperation.add("members", List.of(ScimReference.of("u-2"))));
    }

    @Test
    void whatCannotBeUndoneIsSaidAndLeftOut() {
        AuditRecord deleted = record("User", "u-gone", "DELETE", "deleted", null, change("title", "Engineer", null));
        AuditRecord failed = new AuditRecord(0, NOW, "lucid.test", "patch", "User", "u-failed", "x", "PATCH",
                List.of(change("title", null, "Lead")), "failed", 500, null, "boom", "run-1", null, "e", "", "h");
        AuditRecord unknownBefore = new AuditRecord(0, NOW, "lucid.test", "patch", "User", "u-unknown", "x",
                "PATCH", List.of(change("title", null, "Lead")), "updated", 200, null,
                "values before unknown: reading it before the write failed (status 500)", "run-1", null, "e", "",
                "h");
        RevertPlanner.Result result = RevertPlanner.plan("run-1", List.of(deleted, failed, unknownBefore),
                MemberRemoval.VALUE_LIST, "plan-1", NOW);

        assertThat(result.plan().changes()).isEmpty();
        assertThat(result.notUndone()).hasSize(2);
        assertThat(result.notUndone().get(0)).contains("u-unknown").contains("values before unknown");
        assertThat(result.notUndone().get(1)).contains("u-gone").contains("deleted");
    }

    private static JsonNode json(Object value) {
        return ScimJson.toTree(value);
    }
}
