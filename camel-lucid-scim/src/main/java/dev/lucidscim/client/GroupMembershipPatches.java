package dev.lucidscim.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.lucidscim.error.OneLine;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimMembershipIncompleteException;
import dev.lucidscim.error.ScimTransportException;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;

/**
 * Group membership in requests of a size a server takes: at most {@code membersPerPatch} member values in one PATCH
 * (adds and removes together; adds as one value array, removes in the {@link MemberRemoval} form given: Lucid's
 * value array, or one filtered remove per member for a server that follows RFC 7644) or in the POST of a new group. A request the server
 * refuses as too large (413, or 400 with {@code scimType} {@code tooMany}) is split in two and the first half sent
 * again; the rest of the call goes on at the smaller size, so a server whose limit is below {@code membersPerPatch}
 * costs one refused request per halving, not one per chunk. The requests go out one after the other: two PATCHes of
 * one group at once could race at the server.
 * <p>
 * Adds are sent before removes, in the order given. When a request fails after earlier ones were applied, the
 * failure is a {@link ScimMembershipIncompleteException} that says how many were applied and which are left; a
 * failure of the first request (nothing applied) is thrown as it came.
 */
public final class GroupMembershipPatches {

    private static final String MEMBERS = "members";
    /** {@code createdWith} of a call that created nothing. */
    private static final int NOT_A_CREATE = -1;

    /** One member value to add or to remove. */
    private record MemberChange(PatchOperation.Op op, String memberId) {
    }

    private final ScimResourceClient<ScimGroup> groups;
    private final int membersPerPatch;
    private final MemberRemoval memberRemoval;
    private final Function<ScimGroup, ScimResponse<ScimGroup>> creates;

    GroupMembershipPatches(ScimResourceClient<ScimGroup> groups, int membersPerPatch, MemberRemoval memberRemoval) {
        this(groups, membersPerPatch, memberRemoval, groups::create);
    }

    private GroupMembershipPatches(ScimResourceClient<ScimGroup> groups, int membersPerPatch,
                                   MemberRemoval memberRemoval, Function<ScimGroup, ScimResponse<ScimGroup>> creates) {
        this.groups = groups;
        this.membersPerPatch = membersPerPatch;
        this.memberRemoval = memberRemoval;
        this.creates = creates;
    }

    /**
     * The same, with the POST of {@link #create} sent through {@code creates} (such as a create that survives a lost
     * answer) instead of a plain POST.
     */
    public GroupMembershipPatches creatingWith(Function<ScimGroup, ScimResponse<ScimGroup>> creates) {
        return new GroupMembershipPatches(groups, membersPerPatch, memberRemoval, creates);
    }

    public int membersPerPatch() {
        return membersPerPatch;
    }

    /**
     * Sends the attribute operations and the member changes in as few PATCHes as membersPerPatch allows; a chunk
     * refused as too large (413, or 400 tooMany) is split in two and retried, down to one member. The attribute
     * operations go in the first PATCH.
     *
     * @return the last answer (its resource may be null for 204)
     * @throws ScimValidationException           before any request, for an id that cannot be sent, a member both
     *                                           added and removed, or nothing to send
     * @throws ScimMembershipIncompleteException when a PATCH failed after earlier ones were applied, or even one
     *                                           member was refused as too large
     */
    public ScimResponse<ScimGroup> patch(String groupId, List<PatchOperation> attributeOperations,
                                         Collection<String> memberIdsToAdd, Collection<String> memberIdsToRemove) {
        return patch(groupId, attributeOperations, memberIdsToAdd, memberIdsToRemove, null);
    }

    /**
     * The same, applied only if the group is still at {@code version} (null: whatever its version): the first PATCH
     * carries it as {@code If-Match}, so that a group changed meanwhile is answered 412 before anything is written;
     * the PATCHes after it write the version the first one made.
     */
    public ScimResponse<ScimGroup> patch(String groupId, List<PatchOperation> attributeOperations,
                                         Collection<String> memberIdsToAdd, Collection<String> memberIdsToRemove,
                                         String version) {
        ResourceIds.toPathSegment(groupId);
        List<PatchOperation> attributes = attributeOperations == null ? List.of() : List.copyOf(attributeOperations);
        List<MemberChange> changes = changesOf(memberIdsToAdd, memberIdsToRemove);
        if (attributes.isEmpty() && changes.isEmpty()) {
            throw ScimValidationException.beforeRequest("Nothing to change in group " + OneLine.quoted(groupId)
                                                        + ": give attribute operations or members to add or remove");
        }
        return send(groupId, attributes, changes, membersPerPatch, NOT_A_CREATE, version);
    }

    /**
     * Creates the group with at most membersPerPatch members in the POST and adds the rest by PATCHes. A POST refused
     * as too large is sent again with half the members. The answer is the POST's (status, {@code Location}) with the
     * group as the last PATCH returned it, when one did.
     *
     * @throws ScimMembershipIncompleteException when the group was created but a PATCH of the rest failed: the
     *                                           message and {@link ScimMembershipIncompleteException#getGroupId()}
     *                                           name the group created
     */
    public ScimResponse<ScimGroup> create(ScimGroup group) {
        if (group.members() == null) {
            return creates.apply(group);
        }
        List<String> problems = problemsWith(group.members().stream().map(ScimReference::value).toList());
        if (!problems.isEmpty()) {
            throw ScimValidationException.beforeRequest(problems);
        }
        Map<String, ScimReference> members = new LinkedHashMap<>();
        group.members().forEach(member -> members.putIfAbsent(member.value(), member));
        List<ScimReference> distinctMembers = List.copyOf(members.values());
        int posted = Math.min(membersPerPatch, distinctMembers.size());
        ScimResponse<ScimGroup> created;
        while (true) {
            try {
                created = creates.apply(group.toBuilder().members(distinctMembers.subList(0, posted)).build());
                break;
            } catch (ScimException refused) {
                if (!isTooLarge(refused) || posted == 0) {
                    throw refused;
                }
                posted /= 2;
            }
        }
        if (posted == distinctMembers.size()) {
            return created;
        }
        List<MemberChange> rest = distinctMembers.subList(posted, distinctMembers.size()).stream()
                .map(member -> new MemberChange(PatchOperation.Op.ADD, member.value())).toList();
        // A POST halved down to no members leaves the PATCHes to start at one.
        ScimResponse<ScimGroup> last = send(created.resource().id(), List.of(), rest, Math.max(1, posted), posted,
                null);
        return last.resource() == null ? created
                : new ScimResponse<>(created.status(), last.resource(), last.etag(), created.location());
    }

    /**
     * @param createdWith the members the group was just created with, or {@link #NOT_A_CREATE}
     * @param version     the If-Match of the first PATCH, or null
     */
    private ScimResponse<ScimGroup> send(String groupId, List<PatchOperation> attributes, List<MemberChange> changes,
                                         int firstChunk, int createdWith, String version) {
        int chunk = firstChunk;
        int applied = 0;
        boolean anyApplied = createdWith != NOT_A_CREATE;
        ScimResponse<ScimGroup> last = null;
        while (last == null || applied < changes.size()) {
            int size = Math.min(chunk, changes.size() - applied);
            List<MemberChange> part = changes.subList(applied, applied + size);
            try {
                last = groups.patch(groupId, request(anyApplied ? List.of() : attributes, part),
                        anyApplied ? null : version);
            } catch (ScimException failure) {
                boolean tooLarge = isTooLarge(failure);
                if (tooLarge && size > 1) {
                    chunk = (size + 1) / 2;
                    continue;
                }
                if (!anyApplied && !(tooLarge && size == 1)) {
                    throw failure;
                }
                throw incomplete(groupId, createdWith, changes, applied, size, failure);
            }
            applied += size;
            anyApplied = true;
        }
        return last;
    }

    private PatchRequest request(List<PatchOperation> attributes, List<MemberChange> part) {
        List<PatchOperation> operations = new ArrayList<>(attributes);
        operations.addAll(memberOperations(references(part, PatchOperation.Op.ADD),
                references(part, PatchOperation.Op.REMOVE), memberRemoval));
        return PatchRequest.of(operations);
    }

    /** The operations that add and remove these members: one add, and the removes in the {@code removal} form. */
    public static List<PatchOperation> memberOperations(List<ScimReference> adds, List<ScimReference> removes,
                                                        MemberRemoval removal) {
        List<PatchOperation> operations = new ArrayList<>();
        if (!adds.isEmpty()) {
            operations.add(PatchOperation.add(MEMBERS, adds));
        }
        if (removes.isEmpty()) {
            return operations;
        }
        if (removal == MemberRemoval.VALUE_LIST) {
            operations.add(PatchOperation.remove(MEMBERS, removes));
        } else {
            removes.forEach(member -> operations.add(PatchOperation.remove(
                    MEMBERS + "[" + ScimFilter.eq("value", member.value()) + "]")));
        }
        return operations;
    }

    private static List<ScimReference> references(List<MemberChange> part, PatchOperation.Op op) {
        return part.stream().filter(change -> change.op() == op).map(change -> ScimReference.of(change.memberId()))
                .toList();
    }

    /** 413, or RFC 7644's 400 {@code tooMany}: the request, not what it asks, is the problem. */
    private static boolean isTooLarge(ScimException failure) {
        return failure.getStatus() == 413
               || failure.getStatus() == 400 && "tooMany".equalsIgnoreCase(failure.getScimType());
    }

    /** Adds then removes, each without repeats; every problem named before anything is sent. */
    private static List<MemberChange> changesOf(Collection<String> toAdd, Collection<String> toRemove) {
        List<String> adds = distinct(toAdd == null ? List.of() : toAdd);
        List<String> removes = distinct(toRemove == null ? List.of() : toRemove);
        List<String> problems = new ArrayList<>(problemsWith(adds));
        problems.addAll(problemsWith(removes));
        Set<String> added = new HashSet<>(adds);
        removes.stream().filter(added::contains).forEach(id -> problems.add("member " + OneLine.quoted(id)
                + " is both to add and to remove: give it once"));
        if (!problems.isEmpty()) {
            throw ScimValidationException.beforeRequest(problems);
        }
        List<MemberChange> changes = new ArrayList<>(adds.size() + removes.size());
        adds.forEach(id -> changes.add(new MemberChange(PatchOperation.Op.ADD, id)));
        removes.forEach(id -> changes.add(new MemberChange(PatchOperation.Op.REMOVE, id)));
        return changes;
    }

    private static List<String> problemsWith(List<String> memberIds) {
        List<String> problems = new ArrayList<>();
        for (String id : memberIds) {
            String problem = ResourceIds.problemWith(id);
            if (problem != null) {
                problems.add("member " + OneLine.quoted(id) + ": " + problem);
            }
        }
        return problems;
    }

    private static List<String> distinct(Collection<String> ids) {
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }

    private static ScimMembershipIncompleteException incomplete(String groupId, int createdWith,
                                                                List<MemberChange> changes, int applied,
                                                                int failedSize, ScimException failure) {
        List<String> notAdded = idsOf(changes.subList(applied, changes.size()), PatchOperation.Op.ADD);
        List<String> notRemoved = idsOf(changes.subList(applied, changes.size()), PatchOperation.Op.REMOVE);
        int added = idsOf(changes.subList(0, applied), PatchOperation.Op.ADD).size();
        int membersApplied = applied + Math.max(createdWith, 0);
        StringBuilder message = new StringBuilder("Group ").append(OneLine.quoted(groupId));
        if (createdWith != NOT_A_CREATE) {
            message.append(" was created with ").append(createdWith).append(" member(s), and");
        } else {
            message.append(':');
        }
        message.append(' ').append(applied).append(" of ").append(changes.size())
                .append(" member change(s) by PATCH were applied (").append(added).append(" added, ")
                .append(applied - added).append(" removed) before ");
        if (isTooLarge(failure) && failedSize == 1) {
            message.append("Lucid refused a PATCH of a single member as too large, so the group, not the request, "
                           + "is at a limit of Lucid's");
        } else {
            message.append("the next PATCH failed (").append(failure.getClass().getSimpleName()).append(')');
        }
        message.append("; ").append(notAdded.size()).append(" to add and ").append(notRemoved.size())
                .append(" to remove were not applied");
        if (failure instanceof ScimTransportException lost && lost.mayHaveReachedServer()) {
            message.append(" (the ").append(failedSize).append(" of the failed PATCH may have been)");
        }
        message.append(": upsert the group again, which sends only what still differs, or send the ones left "
                       + "(getMemberIdsNotAdded, getMemberIdsNotRemoved)");
        return new ScimMembershipIncompleteException(message.toString(), groupId, membersApplied, notAdded,
                notRemoved, failure);
    }

    private static List<String> idsOf(List<MemberChange> changes, PatchOperation.Op op) {
        return changes.stream().filter(change -> change.op() == op).map(MemberChange::memberId).toList();
    }
}
