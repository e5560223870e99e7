package dev.lucidscim.camel.producer;

import java.util.List;

import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;
import org.apache.camel.Exchange;

/**
 * The group-only operations: add and remove members with one PATCH each, in the value-array form Lucid documents
 * ({@code "path": "members", "value": [{"value": "lucid-1234"}]}).
 */
final class GroupOperations {

    private final ResourceOperations<ScimGroup> operations;

    GroupOperations(ResourceOperations<ScimGroup> operations) {
        this.operations = operations;
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
        List<ScimReference> members = MessageBodies.memberIds(exchange).stream().map(ScimReference::of).toList();
        operations.patch(exchange, groupId, PatchRequest.of(new PatchOperation(op, "members", members)), outcome);
    }
}
