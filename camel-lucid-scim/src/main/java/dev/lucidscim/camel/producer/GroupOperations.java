package dev.lucidscim.camel.producer;

import java.util.List;
import java.util.Optional;

import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.model.ScimGroup;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The group-only ways of writing members: create with members and add or remove members, each in PATCHes of at most
 * {@code membersPerPatch} members in the value-array form Lucid documents
 * ({@code "path": "members", "value": [{"value": "lucid-1234"}]}), removes in the endpoint's {@code dialect}; see
 * {@link GroupMembershipPatches}. Where groups are teams, members that are groups are refused before any request.
 */
final class GroupOperations {

    private final GroupMembershipPatches memberships;
    private final GroupCreate creates;
    private final boolean subGroupsAllowed;

    /** @param subGroupsAllowed whether a group may hold groups (organizational groups), or users only (teams) */
    GroupOperations(GroupMembershipPatches memberships, GroupCreate creates, boolean subGroupsAllowed) {
        this.memberships = memberships;
        this.creates = creates;
        this.subGroupsAllowed = subGroupsAllowed;
    }

    void create(Exchange exchange) {
        ScimGroup group = MessageInput.body(exchange, ScimGroup.class, LucidScimOperation.CREATE);
        InputValidation.requireCompleteGroup(group, subGroupsAllowed);
        creates.create(exchange.getMessage(), group);
    }

    void addMembers(Exchange exchange) {
        changeMembers(exchange, LucidScimOperation.ADD_MEMBERS, LucidScimOutcome.MEMBERS_ADDED);
    }

    void removeMembers(Exchange exchange) {
        changeMembers(exchange, LucidScimOperation.REMOVE_MEMBERS, LucidScimOutcome.MEMBERS_REMOVED);
    }

    /**
     * The group id comes from the header or a group body (typed, Map or JSON), whose members are then the ones to
     * change unless the member-ids header names them.
     */
    private void changeMembers(Exchange exchange, LucidScimOperation operation, LucidScimOutcome outcome) {
        Message message = exchange.getMessage();
        Optional<ScimGroup> group = MessageInput.groupBody(exchange, operation);
        // the converted group, so that its id and members are read from it (a stream body is read only once)
        group.ifPresent(message::setBody);
        String groupId = group.isPresent()
                ? MessageInput.idFromHeaderOrBody(exchange, ScimGroup.class, operation)
                : MessageInput.idFromHeader(message);
        List<String> members = MessageInput.memberIds(message);
        boolean add = operation == LucidScimOperation.ADD_MEMBERS;
        if (add && !subGroupsAllowed) {
            InputValidation.requireUserMemberIds(groupId, members);
        }
        MessageOutput.patched(message, groupId, memberships.patch(groupId, List.of(), add ? members : List.of(),
                add ? List.of() : members), outcome);
    }
}
