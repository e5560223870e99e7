package dev.lucidscim.camel.producer.reconcile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.model.AttributePath;
import dev.lucidscim.model.Passwords;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PlannedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns reconcile's plan into a {@link ChangePlan}: one {@link PlannedChange} per user write, then one per group
 * write, each with what it sends, the attributes before and after, and the version of the listed resource it was
 * planned against. A plan is stored, so it never holds a password: a roster user's password is left out of the
 * create, with a WARN (the user is created without one; Lucid's users sign in through the account's SSO or set it
 * themselves).
 */
final class ChangePlanBuilder {

    static final String KIND = "reconcile";
    private static final Logger LOG = LoggerFactory.getLogger(ChangePlanBuilder.class);

    private final Clock clock;

    ChangePlanBuilder(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param listedGroups Lucid's groups by displayName, as listed (their versions)
     * @param nameOfId     Lucid users' userNames by id, to show members by name
     * @param rosterDigest SHA-256 of the roster as received
     */
    ChangePlan build(ReconcilePlan plan, Map<String, ScimGroup> listedGroups, Map<String, String> nameOfId,
                     String tenantHost, String rosterDigest) {
        Map<String, String> createdNames = new HashMap<>();
        plan.writes().stream().filter(write -> write.item().action() == ReconcileAction.CREATE)
                .forEach(write -> createdNames.put(write.item().matchValue(), write.item().userName()));
        List<PlannedChange> changes = new ArrayList<>();
        plan.writes().forEach(write -> changes.add(userChange(write, createdNames)));
        plan.groups().stream().filter(PlannedGroup::isWrite)
                .forEach(group -> changes.add(groupChange(group, listedGroups.get(group.item().displayName()),
                        nameOfId, createdNames)));
        return new ChangePlan(UUID.randomUUID().toString(), clock.instant(), tenantHost, KIND, rosterDigest, null,
                changes, new ChangePlan.BreakerBase(plan.managedUsers(), plan.membershipsBefore()));
    }

    private static PlannedChange userChange(PlannedWrite write, Map<String, String> createdNames) {
        ReconcileItem item = write.item();
        String action = item.action().name().toLowerCase(Locale.ROOT);
        String pendingManager = write.pendingManager() == null ? null : createdNames.get(write.pendingManager());
        return switch (item.action()) {
            case CREATE -> {
                ScimUser planned = write.pendingManager() == null ? write.desired()
                        : UserWrites.withManager(write.desired(), ReconcilePlanner.CREATED_IN_THIS_RUN);
                yield new PlannedChange("User", action, null, item.userName(), null,
                        afterOnly(UserWrites.reactivation(planned).stream()
                                .filter(operation -> !operation.path().equals("active")).toList()),
                        withoutPassword(write.desired(), item.userName()), null, pendingManager, null);
            }
            case DEACTIVATE -> new PlannedChange("User", action, item.id(), item.userName(),
                    versionOf(write.current()), List.of(new AttributeChange("active", BooleanNode.TRUE,
                            BooleanNode.FALSE)), null, write.operations(), null, null);
            case REACTIVATE -> new PlannedChange("User", action, item.id(), item.userName(), null,
                    reactivated(write.operations()), null, write.operations(), pendingManager, null);
            default -> new PlannedChange("User", action, item.id(), item.userName(), versionOf(write.current()),
                    beforeAndAfter(ScimJson.toTree(write.current()), write.operations()), null, write.operations(),
                    pendingManager, null);
        };
    }

    private static PlannedChange groupChange(PlannedGroup group, ScimGroup listed, Map<String, String> nameOfId,
                                             Map<String, String> createdNames) {
        GroupReconcileItem item = group.item();
        List<AttributeChange> members = new ArrayList<>();
        group.addIds().forEach(id -> members.add(new AttributeChange(AttributeChange.memberPath(id), null,
                TextNode.valueOf(nameOfId.getOrDefault(id, id)))));
        group.removeIds().forEach(id -> members.add(new AttributeChange(AttributeChange.memberPath(id),
                TextNode.valueOf(nameOfId.getOrDefault(id, id)), null)));
        List<String> pendingMembers = item.membersAdded().stream().filter(createdNames::containsKey)
                .map(createdNames::get).toList();
        if (item.action() == GroupAction.CREATE) {
            JsonNode resource = ScimJson.toTree(ScimGroup.builder().displayName(item.displayName())
                    .memberIds(group.addIds()).build());
            return new PlannedChange("Group", "create", null, item.displayName(), null, members, resource, null,
                    null, pendingMembers);
        }
        List<PatchOperation> operations = new ArrayList<>();
        if (!group.addIds().isEmpty()) {
            operations.add(PatchOperation.add("members", group.addIds().stream().map(ScimReference::of).toList()));
        }
        if (!group.removeIds().isEmpty()) {
            operations.add(PatchOperation.remove("members",
                    group.removeIds().stream().map(ScimReference::of).toList()));
        }
        return new PlannedChange("Group", "update", item.id(), item.displayName(), versionOf(listed), members, null,
                operations, null, pendingMembers);
    }

    /** An update: each path's value in the listed user, and the one written. */
    private static List<AttributeChange> beforeAndAfter(JsonNode current, List<PatchOperation> operations) {
        return operations.stream().map(operation -> new AttributeChange(operation.path(),
                AttributePath.of(operation.path()).valueIn(current), valueOf(operation))).toList();
    }

    /** A reactivation: nothing is known of the account but that it is deactivated. */
    private static List<AttributeChange> reactivated(List<PatchOperation> operations) {
        return operations.stream().map(operation -> new AttributeChange(operation.path(),
                operation.path().equals("active") ? BooleanNode.FALSE : null, valueOf(operation))).toList();
    }

    private static List<AttributeChange> afterOnly(List<PatchOperation> operations) {
        return operations.stream().map(operation -> new AttributeChange(operation.path(), null, valueOf(operation)))
                .filter(change -> !change.path().equals("password")).toList();
    }

    private static JsonNode valueOf(PatchOperation operation) {
        return operation.value() == null ? null : ScimJson.toTree(operation.value());
    }

    private static JsonNode withoutPassword(ScimUser desired, String userName) {
        ObjectNode resource = (ObjectNode) ScimJson.toTree(desired);
        if (!Passwords.in(resource).isEmpty()) {
            Passwords.remove(resource);
            LOG.warn("The roster gives {} a password: plans are stored, so the password is left out and the user "
                     + "is created without one", userName);
        }
        return resource;
    }

    private static String versionOf(ScimResource resource) {
        return resource == null || resource.meta() == null ? null : resource.meta().version();
    }
}
