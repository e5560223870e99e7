package dev.lucidscim.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.PreconditionFailedException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;

/**
 * Lucid's groups of one {@link GroupKind}, with the rules that concern groups alone: ids {@code lucid-group-N}
 * ({@code lucid-team-N}) in creation order; {@code displayName} required and unique; an organizational group that
 * still has members cannot be deleted; a team is archived instead of deleted (hidden from every read, its name still
 * taken, restored by a POST of its name). Which members a group may hold is the {@link Directory}'s rule, given to
 * each write.
 * <p>
 * Groups are stored as JSON text with their member ids, indexed by name and by member (a user's {@code groups} and
 * a deleted member's groups are looked up there); every read hands out a fresh copy. Not thread-safe: the
 * Directory's lock guards it.
 */
final class GroupTable {

    /** A stored group: its JSON, name, member ids, what replacing it needs of its meta, and whether archived. */
    private record StoredGroup(long number, String json, String displayName, Set<String> memberIds, Instant created,
                               String version, boolean archived) {
    }

    private final GroupKind kind;
    private final NumberedRecords<StoredGroup> groups;
    private final ServerAttributes serverAttributes;
    /** Archived teams count towards the names taken, never towards listings. */
    private int archivedCount;
    private final Map<String, String> idByName = new HashMap<>();
    private final Map<String, Set<String>> idsByMember = new HashMap<>();

    GroupTable(ServerAttributes serverAttributes, GroupKind kind) {
        this.serverAttributes = serverAttributes;
        this.kind = kind;
        this.groups = new NumberedRecords<>(kind.idPrefix());
    }

    GroupKind kind() {
        return kind;
    }

    /**
     * POST: the name checked, the group given an id, then its members settled by {@code members} (which may refuse
     * them), stored; returns it as stored. The name of an archived team restores that team, with the members given.
     */
    Group insert(Group group, Consumer<Group> members) {
        ServerAttributes.strip(group);
        String name = group.getDisplayName().orElse(null);
        if (name == null || name.isBlank()) {
            throw new BadRequestException("displayName is required", ScimType.RFC7644.INVALID_VALUE);
        }
        StoredGroup archived = groups.find(idByName.get(name)).filter(StoredGroup::archived).orElse(null);
        if (archived != null) {
            return restore(archived, group, members);
        }
        requireFreeName(name, null);
        long number = groups.nextNumber();
        group.setId(groups.id(number));
        members.accept(group);
        Instant now = Instant.now();
        store(number, group, now, now, false);
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

    /**
     * Archives the team, or removes the organizational group unless it still has members (400); 404 when it does not
     * exist (or is archived already).
     */
    void delete(String id) {
        StoredGroup stored = stored(id, "Group " + id + " does not exist");
        if (kind.archivesOnDelete()) {
            unindex(stored);
            index(withArchived(stored, true));
            return;
        }
        if (!stored.memberIds().isEmpty()) {
            throw new BadRequestException("Organizational group '" + stored.displayName() + "' still has "
                                          + stored.memberIds().size() + " member(s): remove them before deleting it",
                    ScimType.RFC7644.MUTABILITY);
        }
        unindex(stored);
        groups.remove(stored.number());
    }

    /** The group; null when there is none (or it is an archived team). */
    Group byId(String id) {
        return visible(id).map(GroupTable::parsed).orElse(null);
    }

    /** The name of the group with this id, or null when there is no such group: a sub-group member's display. */
    String displayNameOf(String id) {
        return visible(id).map(StoredGroup::displayName).orElse(null);
    }

    /**
     * Removes a deleted user or sub-group from every group that holds it, archived teams included; the groups left
     * are settled again by {@code members}.
     */
    void removeMemberEverywhere(String memberId, Consumer<Group> members) {
        for (String groupId : List.copyOf(idsByMember.getOrDefault(memberId, Set.of()))) {
            StoredGroup old = groups.find(groupId).orElseThrow();
            Group group = parsed(old);
            ArrayNode values = (ArrayNode) group.get("members");
            for (int i = values.size() - 1; i >= 0; i--) {
                if (memberId.equals(values.get(i).path("value").asText())) {
                    values.remove(i);
                }
            }
            members.accept(group);
            unindex(old);
            store(old.number(), group, old.created(), Instant.now(), old.archived());
        }
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
            visible(groupId).ifPresent(group -> names.put(groupId, group.displayName()));
        }
        return names;
    }

    ResourceStore.Page<Group> page(long startIndex, int count) {
        List<Group> page = groups.all().stream().filter(group -> !group.archived()).skip(startIndex - 1)
                .limit(count).map(GroupTable::parsed).toList();
        return new ResourceStore.Page<>(page, count());
    }

    List<Group> all() {
        return groups.all().stream().filter(group -> !group.archived()).map(GroupTable::parsed).toList();
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

    /** The groups a listing shows: archived teams are not counted. */
    int count() {
        return groups.size() - archivedCount;
    }

    void clear() {
        archivedCount = 0;
        groups.clear();
        idByName.clear();
        idsByMember.clear();
    }

    private void requireFreeName(String name, String selfId) {
        String holder = idByName.get(name);
        if (holder != null && !holder.equals(selfId)) {
            boolean archived = groups.find(holder).map(StoredGroup::archived).orElse(false);
            throw new ConflictException("A group named '" + name + "' already exists"
                                        + (archived ? " (an archived team: POST its name to restore it)" : ""),
                    ScimType.RFC7644.UNIQUENESS);
        }
    }

    /** POST of an archived team's name: the team back, with the members and attributes posted, under its id. */
    private Group restore(StoredGroup archived, Group group, Consumer<Group> members) {
        String id = groups.id(archived.number());
        group.setId(id);
        members.accept(group);
        unindex(archived);
        store(archived.number(), group, archived.created());
        return byId(id);
    }

    /** Stores a changed group (or a restored team): modified now. */
    private void store(long number, Group group, Instant created) {
        store(number, group, created, Instant.now(), false);
    }

    private void store(long number, Group group, Instant created, Instant lastModified, boolean archived) {
        serverAttributes.stamp(group, "Group", created, lastModified);
        Set<String> memberIds = new LinkedHashSet<>();
        group.path("members").forEach(member -> memberIds.add(member.path("value").asText()));
        JsonNode meta = group.path("meta");
        index(new StoredGroup(number, group.toString(), group.getDisplayName().orElseThrow(), memberIds, created,
                meta.path("version").asText(), archived));
    }

    private void index(StoredGroup stored) {
        groups.put(stored.number(), stored);
        String id = groups.id(stored.number());
        idByName.put(stored.displayName(), id);
        stored.memberIds().forEach(member -> idsByMember.computeIfAbsent(member, key -> new LinkedHashSet<>())
                .add(id));
        if (stored.archived()) {
            archivedCount++;
        }
    }

    private static StoredGroup withArchived(StoredGroup stored, boolean archived) {
        return new StoredGroup(stored.number(), stored.json(), stored.displayName(), stored.memberIds(),
                stored.created(), stored.version(), archived);
    }

    private void unindex(StoredGroup stored) {
        if (stored.archived()) {
            archivedCount--;
        }
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
        return visible(id).orElseThrow(() -> new ResourceNotFoundException(notFound));
    }

    /** The stored group, unless it is an archived team. */
    private Optional<StoredGroup> visible(String id) {
        return groups.find(id).filter(group -> !group.archived());
    }

    private static Group parsed(StoredGroup stored) {
        return JsonHelper.readJsonDocument(stored.json(), Group.class);
    }
}
