package dev.lucidscim.camel.producer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.lucidscim.error.OneLine;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.client.ScimFilter;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.error.FailedRequest;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.model.ListResponse;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How upsert decides, for groups: match on {@code displayName} (or the id header), create when absent, else one
 * PATCH with the attributes that differ and, when the desired group lists {@code members}, the members to add and
 * to remove (so the group ends with exactly those members); no write when nothing differs.
 */
final class GroupUpsert {

    private final ScimResourceClient<ScimGroup> groups;
    private final ResourceOperations<ScimGroup> operations;

    GroupUpsert(ScimResourceClient<ScimGroup> groups, ResourceOperations<ScimGroup> operations) {
        this.groups = groups;
        this.operations = operations;
    }

    void upsert(Exchange exchange) {
        ScimGroup desired = MessageBodies.required(exchange, ScimGroup.class, "upsert");
        InputValidation.requireCompleteGroup(desired);
        Message message = exchange.getMessage();
        String knownId = MessageBodies.optionalHeaderResourceId(exchange);
        ScimGroup current = knownId != null ? groups.get(knownId).resource() : findByName(desired.displayName());
        if (current == null) {
            message.setHeader(LucidScimConstants.CHANGED_ATTRIBUTES, List.of());
            ResponseHeaders.apply(message, operations.create(desired), LucidScimOutcome.created);
            return;
        }
        if (desired.members() != null && current.members() == null) {
            // Servers may leave members out of search results: read them before deciding who to add or remove.
            current = groups.get(current.id()).resource();
        }
        List<PatchOperation> changes = new ArrayList<>(AttributeDiff.between(current, desired));
        if (desired.members() != null) {
            changes.addAll(membershipChanges(current, desired));
        }
        message.setHeader(LucidScimConstants.CHANGED_ATTRIBUTES,
                changes.stream().map(PatchOperation::path).distinct().toList());
        if (changes.isEmpty()) {
            ResponseHeaders.unchanged(message, current);
            return;
        }
        operations.patch(exchange, current.id(), PatchRequest.of(changes), LucidScimOutcome.updated);
    }

    private static List<PatchOperation> membershipChanges(ScimGroup current, ScimGroup desired) {
        Set<String> have = memberIds(current.members());
        Set<String> want = memberIds(desired.members());
        List<PatchOperation> changes = new ArrayList<>();
        List<ScimReference> toAdd = want.stream().filter(id -> !have.contains(id)).map(ScimReference::of).toList();
        List<ScimReference> toRemove = have.stream().filter(id -> !want.contains(id)).map(ScimReference::of).toList();
        if (!toAdd.isEmpty()) {
            changes.add(PatchOperation.add("members", toAdd));
        }
        if (!toRemove.isEmpty()) {
            changes.add(PatchOperation.remove("members", toRemove));
        }
        return changes;
    }

    private static Set<String> memberIds(List<ScimReference> members) {
        Set<String> ids = new LinkedHashSet<>();
        if (members != null) {
            members.forEach(member -> ids.add(member.value()));
        }
        return ids;
    }

    private ScimGroup findByName(String displayName) {
        ListResponse<ScimGroup> page = groups.searchPage(
                SearchQuery.filtered(ScimFilter.eq("displayName", displayName), 2));
        if (page.resources().size() > 1) {
            throw new ScimConflictException("More than one Lucid group is named " + OneLine.quoted(displayName),
                    ScimConflictException.Kind.AMBIGUOUS_MATCH,
                    new FailedRequest("GET", groups.type().path(), 200, null, null), null);
        }
        return page.resources().isEmpty() ? null : page.resources().get(0);
    }
}
