package dev.lucidscim.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.PreconditionFailedException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;

/**
 * Lucid's groups, with the rules that concern groups alone: ids {@code lucid-group-N} in creation order;
 * {@code displayName} required and unique; an organizational group that still has members cannot be deleted. Which
 * members a group may hold is the {@link Directory}'s rule (they are users or groups), given to each write.
 * <p>
 * Groups are stored as JSON text with their member ids, indexed by name and by member (a user's {@code groups} and
 * a deleted member's groups are looked up there); every read hands out a fresh copy. Not thread-safe: the
 * Directory's lock guards it.
 */
final class GroupTable {

    static final String ID_PREFIX = "lucid-group-";

    /** A stored group: its JSON, name, member ids, and what replacing it needs of its meta. */
    private record StoredGroup(long number, String json, String displayName, Set<String> memberIds, Instant created,
                               String version) {
    }

    private final NumberedRecords<StoredGroup> groups = new NumberedRecords<>(ID_PREFIX);
    private final ServerAttributes serverAttributes;
    private final Map<String, String> idByName = new HashMap<>();
    private final Map<String, Set<String>> idsByMember = new HashMap<>();

    GroupTable(ServerAttributes serverAttributes) {
        this.serverAttributes = serverAttributes;
    }

    /**
     * POST: the name checked, the group given an id, then its members settled by {@code members} (which may refuse
     * them), stored; returns it as stored.
     */
    Group insert(Group group, Consumer<Group> members) {
        ServerAttributes.strip(group);
        String name = group.getDisplayName().orElse(null);
        if (name == null || name.isBlank()) {
            throw new BadRequestException("displayName is required", ScimType.RFC7644.INVALID_VALUE);
        }
        requireFreeName(name, null);
        long number = groups.nextNumber();
        group.setId(groups.id(number));
        members.accept(group);
        store(number, group, Instant.now());
        return byId(groups.id(number));
    }

    /**
     * PUT, and PATCH after the library applied it: the whole group replaced, its members settled by {@code members}.
     * Returns the group given, as stored (the stored JSON cannot change through it).
     */
    Group replace(Group group, Consumer<Group> members) {
        String id = group.getId().orElseThrow();
        StoredGroup old = stored(id, "Group " + id + " does not exist");
        requireFreeName(group.getDisplayName().orElse(old.displayName()), id);
        ServerAttributes.strip(group);
        group.setId(id);
        members.accept(group);
        unindex(old);
        store(old.number(), group, old.created());
        return group;
    }

    /** Removes the group, unless it does not exist (404) or still has members (400). */
    void delete(String id) {
        StoredGroup stored = stored(id, "Group " + id + " does not exist");
        if (!stored.memberIds().isEmpty()) {
            throw new BadRequestException("Organizational group '" + stored.displayName() + "' still has "
                                          + stored.memberIds().size() + " member(s): remove them before deleting it",
                    ScimType.RFC7644.MUTABILITY);
        }
        unindex(stored);
        groups.remove(stored.number());
    }

    /** The group; null when there is none. */
    Group byId(String id) {
        return groups.find(id).map(GroupTable::parsed).orElse(null);
    }

    /** The name of the group with this id, or null when there is no such group: a sub-group member's display. */
    String displayNameOf(String id) {
        return groups.find(id).map(StoredGroup::displayName).orElse(null);
    }

    /**
     * The member ids of a group about to be changed, read without parsing it: 404 when there is no such group, 412
     * when {@code ifMatch} (null or {@code *}: any) is not its version.
     */
    Set<String> memberIdsForChange(String id, String ifMatch) {
        StoredGroup stored = stored(id, "Group with id '" + id + "' does not exist.");
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(stored.version())) {
            throw new PreconditionFailedException("eTag status of resource has changed. Current value is: "
                                                  + stored.version());
        }
        return Collections.unmodifiableSet(stored.memberIds());
    }

    /** The groups that hold this user or sub-group as a member, by id, with their names; in the order they took it. */
    Map<String, String> groupsWithMember(String memberId) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String groupId : idsByMember.getOrDefault(memberId, Set.of())) {
            names.put(groupId, displayNameOf(groupId));
        }
        return names;
    }

    ResourceStore.Page<Group> page(long startIndex, int count) {
        List<Group> page = groups.all().stream().skip(startIndex - 1).limit(count).map(GroupTable::parsed)
                .toList();
        return new ResourceStore.Page<>(page, groups.size());
    }

    List<Group> all() {
        return groups.all().stream().map(GroupTable::parsed).toList();
    }

    /** Groups whose indexed attribute equals the value, or null when the attribute has no index. */
    List<Group> where(String attribute, String value) {
        String id;
        if (attribute.equals("id")) {
            id = value;
        } else if (attribute.equals("displayName")) {
            id = idByName.get(value);
        } else {
            return null;
        }
        Group group = id == null ? null : byId(id);
        return group == null ? List.of() : List.of(group);
    }

    int count() {
        return groups.size();
    }

    void clear() {
        groups.clear();
        idByName.clear();
        idsByMember.clear();
    }

    private void requireFreeName(String name, String selfId) {
        String holder = idByName.get(name);
        if (holder != null && !holder.equals(selfId)) {
            throw new ConflictException("A group named '" + name + "' already exists", ScimType.RFC7644.UNIQUENESS);
        }
    }

    private void store(long number, Group group, Instant created) {
        serverAttributes.stamp(group, "Group", created);
        Set<String> memberIds = new LinkedHashSet<>();
        group.path("members").forEach(member -> memberIds.add(member.path("value").asText()));
        JsonNode meta = group.path("meta");
        StoredGroup stored = new StoredGroup(number, group.toString(), group.getDisplayName().orElseThrow(),
                memberIds, created, meta.path("version").asText());
        groups.put(number, stored);
        String id = groups.id(number);
        idByName.put(stored.displayName(), id);
        memberIds.forEach(member -> idsByMember.computeIfAbsent(member, key -> new LinkedHashSet<>()).add(id));
    }

    private void unindex(StoredGroup stored) {
        String id = groups.id(stored.number());
        idByName.remove(stored.displayName(), id);
        for (String member : stored.memberIds()) {
            Set<String> holders = idsByMember.get(member);
            holders.remove(id);
            if (holders.isEmpty()) {
                idsByMember.remove(member);
            }
        }
    }

    /** The stored group; 404 with this detail when there is none (the library's answers word it two ways). */
    private StoredGroup stored(String id, String notFound) {
        return groups.find(id).orElseThrow(() -> new ResourceNotFoundException(notFound));
    }

    private static Group parsed(StoredGroup stored) {
        return JsonHelper.readJsonDocument(stored.json(), Group.class);
    }
}
