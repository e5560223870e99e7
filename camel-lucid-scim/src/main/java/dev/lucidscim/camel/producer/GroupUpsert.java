package dev.lucidscim.camel.producer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.camel.audit.AuditScope;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.SubGroups;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How upsert decides, for groups: match on {@code displayName} (or the id header), create when absent (members past
 * {@code membersPerPatch} added by PATCH; a team's archived name restored, see {@link GroupCreate}), else PATCH the
 * attributes that differ and, when the desired group lists {@code members}, the members to add and to remove, in as
 * few PATCHes as {@code membersPerPatch} allows ({@link GroupMembershipPatches}); no write when nothing differs.
 * <p>
 * The desired members are the group's users, as a roster lists them: the group ends with exactly those users. Its
 * sub-groups ({@link SubGroups}: organizational groups in an organizational group, managed in Lucid's admin panel)
 * are kept when the desired members leave them out, and added when they list them; only {@code removeMembers}
 * removes one.
 */
final class GroupUpsert {

    private final ScimResourceClient<ScimGroup> groups;
    private final GroupMembershipPatches memberships;
    private final GroupCreate creates;
    private final boolean subGroupsAllowed;

    /**
     * @param memberships      for the PATCHes of an existing group
     * @param subGroupsAllowed whether a group may hold groups (organizational groups), or users only (teams)
     */
    GroupUpsert(ScimResourceClient<ScimGroup> groups, GroupMembershipPatches memberships, GroupCreate creates,
                boolean subGroupsAllowed) {
        this.groups = groups;
        this.memberships = memberships;
        this.creates = creates;
        this.subGroupsAllowed = subGroupsAllowed;
    }

    void upsert(Exchange exchange) {
        ScimGroup desired = MessageInput.body(exchange, ScimGroup.class, LucidScimOperation.UPSERT);
        InputValidation.requireCompleteGroup(desired, subGroupsAllowed);
        Message message = exchange.getMessage();
        Optional<String> knownId = MessageInput.optionalIdFromHeader(message);
        ScimGroup current = knownId.isPresent() ? groups.get(knownId.get()).resource()
                : groups.findUnique("displayName", desired.displayName()).orElse(null);
        if (current == null) {
            MessageOutput.changedAttributes(message, List.of());
            creates.create(message, desired);
            return;
        }
        if (desired.members() != null && current.members() == null) {
            // Servers may leave members out of search results: read them before deciding who to add or remove.
            current = groups.get(current.id()).resource();
        }
        List<PatchOperation> attributeChanges = AttributeDiff.between(current, desired);
        List<String> toAdd = List.of();
        List<String> toRemove = List.of();
        if (desired.members() != null) {
            Set<String> have = memberIds(current.members());
            Set<String> want = memberIds(desired.members());
            Set<String> subGroups = memberIds(current.members(), SubGroups::isGroup); // never removed by upsert
            toAdd = want.stream().filter(id -> !have.contains(id)).toList();
            toRemove = have.stream().filter(id -> !want.contains(id) && !subGroups.contains(id)).toList();
        }
        List<String> changed = new ArrayList<>(attributeChanges.stream().map(PatchOperation::path).distinct().toList());
        if (!toAdd.isEmpty() || !toRemove.isEmpty()) {
            changed.add("members");
        }
        MessageOutput.changedAttributes(message, changed);
        if (changed.isEmpty()) {
            MessageOutput.unchanged(message, current);
            return;
        }
        AuditScope.current().knowBefore(List.of(current));
        MessageOutput.patched(message, current.id(),
                memberships.patch(current.id(), attributeChanges, toAdd, toRemove), LucidScimOutcome.UPDATED);
    }

    private static Set<String> memberIds(List<ScimReference> members) {
        return memberIds(members, member -> true);
    }

    /** The ids of the members that {@code which} accepts, in their order. */
    private static Set<String> memberIds(List<ScimReference> members, Predicate<ScimReference> which) {
        Set<String> ids = new LinkedHashSet<>();
        if (members != null) {
            members.stream().filter(which).forEach(member -> ids.add(member.value()));
        }
        return ids;
    }
}
