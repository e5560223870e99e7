package dev.lucidscim.camel.producer.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.producer.ConfirmedCreate;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.ScimResponse;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.plan.PlannedChange;

/**
 * The one place a plan's write is sent: a user's POST (confirmed, so that a lost answer is no duplicate) or PATCH,
 * a group's POST or membership PATCHes (in chunks of {@code membersPerPatch}), each with the {@code If-Match} it is
 * given. Every write of reconcile, apply and approve passes here.
 */
final class PlanWriter {

    /** A filtered removal of one member, as a server following RFC 7644 takes it. */
    private static final Pattern MEMBER_FILTER = Pattern.compile("members\\[value eq \"(.*)\"]");

    private final ScimResourceClient<ScimUser> users;
    private final ConfirmedCreate<ScimUser> userCreates;
    private final GroupMembershipPatches groups;

    PlanWriter(ScimResourceClient<ScimUser> users, GroupMembershipPatches groups) {
        this.users = users;
        this.userCreates = ConfirmedCreate.users(users);
        this.groups = groups;
    }

    /**
     * @param change  the write with every id known (pending managers and members resolved)
     * @param ifMatch the version the resource must still have, or null
     */
    ScimResponse<? extends ScimResource> send(PlannedChange change, String ifMatch) {
        boolean create = change.action().equals("create");
        if (change.resourceType().equals("User")) {
            return create ? userCreates.create(ScimJson.convert(change.resource(), ScimUser.class))
                    : users.patch(change.id(), PatchRequest.of(change.operations()), ifMatch);
        }
        if (create) {
            return groups.create(ScimJson.convert(change.resource(), ScimGroup.class));
        }
        List<PatchOperation> attributes = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        for (PatchOperation operation : change.operations()) {
            Matcher filtered = MEMBER_FILTER.matcher(String.valueOf(operation.path()));
            if (operation.op() == PatchOperation.Op.REMOVE && filtered.matches()) {
                removes.add(filtered.group(1));
            } else if ("members".equals(operation.path()) && operation.op() != PatchOperation.Op.REPLACE) {
                (operation.op() == PatchOperation.Op.ADD ? adds : removes).addAll(memberIds(operation.value()));
            } else {
                attributes.add(operation);
            }
        }
        return groups.patch(change.id(), attributes, adds, removes, ifMatch);
    }

    private static List<String> memberIds(Object value) {
        List<String> ids = new ArrayList<>();
        JsonNode members = ScimJson.toTree(value);
        members.forEach(member -> ids.add(member.path("value").asText()));
        return ids;
    }
}
