package dev.lucidscim.camel.producer;

import java.util.List;

import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimGroup;
import org.apache.camel.Exchange;

/**
 * The group-only ways of writing members: create with members and add or remove members, each in PATCHes of at most
 * {@code membersPerPatch} members in the value-array form Lucid documents
 * ({@code "path": "members", "value": [{"value": "lucid-1234"}]}); see {@link GroupMembershipPatches}.
 */
final class GroupOperations {

    private final ResourceOperations<ScimGroup> operations;
    private final GroupMembershipPatches memberships;

    /** @param memberships creating through {@code operations}, so that a create's lost answer is not a duplicate */
    GroupOperations(ResourceOperations<ScimGroup> operations, GroupMembershipPatches memberships) {
        this.operations = operations;
        this.memberships = memberships;
    }

    void create(Exchange exchange) {
        ScimGroup group = MessageBodies.required(exchange, ScimGroup.class, "create");
        InputValidation.requireCompleteGroup(group);
        ResponseHeaders.apply(exchange.getMessage(), memberships.create(group), LucidScimOutcome.created);
    }

    void addMembers(Exchange exchange) {
        changeMembers(exchange, PatchOperation.Op.ADD, LucidScimOutcome.membersAdded);
    }

    void removeMembers(Exchange exchange) {
        changeMembers(exchange, PatchOperation.Op.REMOVE, LucidScimOutcome.membersRemoved);
    }

    /**
     * The group id comes from the header or a group body (typed, Map or JSON), whose members are then the ones to
     * change unless the member-ids header names them.
     */
    private void changeMembers(Exchange exchange, PatchOperation.Op op, LucidScimOutcome outcome) {
        String operation = op == PatchOperation.Op.ADD ? "addMembers" : "removeMembers";
        ScimGroup group = MessageBodies.groupOrNull(exchange, operation);
        if (group != null) {
            exchange.getMessage().setBody(group);
        }
        String groupId = group != null ? MessageBodies.resourceId(exchange, ScimGroup.class)
                : MessageBodies.headerResourceId(exchange);
        List<String> members = MessageBodies.memberIds(exchange);
        boolean add = op == PatchOperation.Op.ADD;
        ResourceOperations.patched(exchange, groupId, memberships.patch(groupId, List.of(),
                add ? members : List.of(), add ? List.of() : members), outcome);
    }
}
