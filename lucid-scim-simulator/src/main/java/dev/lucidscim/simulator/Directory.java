package dev.lucidscim.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;

/**
 * Lucid's directory in memory, with Lucid's rules: ids {@code lucid-N} and {@code lucid-group-N} in creation order;
 * {@code userName} and e-mail unique in the account, deactivated users included; names reserved by "another Lucid
 * account"; deactivated users left out of listings but returned by id; a user's {@code groups} kept in step with
 * group membership; organizational groups that still have members cannot be deleted.
 * <p>
 * Resources are stored as JSON text (compact and immutable) with the indexes Lucid's fast filters need; every read
 * hands out a fresh copy, since the SCIM library changes the objects it is given. Callers hold the lock through
 * {@link #reading(Supplier)} and {@link #writing(Supplier)}.
 */
final class Directory {

    static final String USER_ID_PREFIX = "lucid-";
    static final String GROUP_ID_PREFIX = "lucid-group-";
    private static final long FIRST_NUMBER = 1000;

    /** A stored user: its JSON, its userName (as a group member's display) and the keys the indexes hold. */
    private record StoredUser(long number, String json, String userName, String userNameKey, List<String> emailKeys,
                              String externalId, boolean active) {
    }

    /** A stored group: its JSON, name, member ids, and what replacing it needs of its meta. */
    private record StoredGroup(long number, String json, String displayName, Set<String> memberIds, Instant created,
                               String version) {
    }

    /** One page of a listing: the resources and the total they were taken from. */
    record Page<T>(List<T> resources, int totalResults) {
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong userNumbers = new AtomicLong(FIRST_NUMBER);
    private final AtomicLong groupNumbers = new AtomicLong(FIRST_NUMBER);
    private final AtomicLong versions = new AtomicLong();

    private final NavigableMap<Long, StoredUser> users = new TreeMap<>();
    private final Map<String, String> userIdByUserName = new HashMap<>();
    private final Map<String, String> userIdByEmail = new HashMap<>();
    private final Map<String, Set<String>> userIdsByExternalId = new HashMap<>();
    private final Set<String> otherAccountNames = new HashSet<>();
    private final Set<String> undeletableUserIds = new HashSet<>();
    private int activeUsers;

    private final NavigableMap<Long, StoredGroup> groups = new TreeMap<>();
    private final Map<String, String> groupIdByName = new HashMap<>();
    private final Map<String, Set<String>> groupIdsByMember = new HashMap<>();

    /** The users as the SCIM handler sees them: listings and filters show active users only. */
    ResourceStore<User> users() {
        return new ResourceStore<>() {
            public User create(User user) {
                return createUser(user);
            }

            public User byId(String id) {
                return userById(id);
            }

            public Page<User> page(long startIndex, int count) {
                return activeUsers(startIndex, count);
            }

            public List<User> where(String attribute, String value) {
                return activeUsersWhere(attribute, value);
            }

            public List<User> all() {
                return allActiveUsers();
            }

            public User replace(User user) {
                return replaceUser(user);
            }

            public void delete(String id) {
                deleteUser(id);
            }
        };
    }

    ResourceStore<Group> groups() {
        return new ResourceStore<>() {
            public Group create(Group group) {
                return createGroup(group);
            }

            public Group byId(String id) {
                return groupById(id);
            }

            public Page<Group> page(long startIndex, int count) {
                return groupPage(startIndex, count);
            }

            public List<Group> where(String attribute, String value) {
                return groupsWhere(attribute, value);
            }

            public List<Group> all() {
                return allGroups();
            }

            public Group replace(Group group) {
                return replaceGroup(group);
            }

            public void delete(String id) {
                deleteGroup(id);
            }
        };
    }

    <T> T reading(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T writing(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    // users

    User createUser(User user) {
        stripServerAttributes(user);
        if (!user.path("emails").elements().hasNext()) {
            throw new BadRequestException("emails is required: Lucid needs at least one e-mail address",
                    ScimType.RFC7644.INVALID_VALUE);
        }
        if (user.get("active") == null) {
            user.put("active", true);
        }
        requireUniqueUser(user, null);
        long number = userNumbers.incrementAndGet();
        user.setId(USER_ID_PREFIX + number);
        stamp(user, "User", Instant.now());
        storeUser(number, user);
        return userById(user.getId().orElseThrow());
    }

    /** The user, deactivated or not, with its groups; null when there is none. */
    User userById(String id) {
        StoredUser stored = users.get(numberOf(id, USER_ID_PREFIX));
        return stored == null ? null : withGroups(stored);
    }

    /** The user with this userName (ignoring case), deactivated or not, from the index; null when there is none. */
    User userByUserName(String userName) {
        String id = userIdByUserName.get(lowerCase(userName));
        return id == null ? null : userById(id);
    }

    /** PUT, and PATCH after the library applied it: the whole user replaced. */
    User replaceUser(User user) {
        String id = user.getId().orElseThrow();
        long number = numberOf(id, USER_ID_PREFIX);
        StoredUser old = users.get(number);
        if (old == null) {
            throw new ResourceNotFoundException("User " + id + " does not exist");
        }
        Instant created = createdOf(old.json());
        stripServerAttributes(user);
        user.setId(id);
        requireUniqueUser(user, id);
        unindexUser(old);
        stamp(user, "User", created);
        storeUser(number, user);
        return userById(id);
    }

    void deleteUser(String id) {
        StoredUser stored = users.get(numberOf(id, USER_ID_PREFIX));
        if (stored == null) {
            throw new ResourceNotFoundException("User " + id + " does not exist");
        }
        if (undeletableUserIds.contains(id)) {
            throw new ConflictException("User " + id + " is the account owner or the default document owner and "
                                        + "cannot be deleted", ScimType.RFC7644.MUTABILITY);
        }
        removeFromEveryGroup(id);
        unindexUser(stored);
        users.remove(stored.number());
    }

    /** Active users only, in creation order: deactivated users are left out, as Lucid does. */
    Page<User> activeUsers(long startIndex, int count) {
        List<User> page = new ArrayList<>();
        long skip = startIndex - 1;
        for (StoredUser stored : users.values()) {
            if (!stored.active()) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            if (page.size() == count) {
                break;
            }
            page.add(withGroups(stored));
        }
        return new Page<>(page, activeUsers);
    }

    /** Every active user, parsed: for filters on attributes without an index. */
    List<User> allActiveUsers() {
        return users.values().stream().filter(StoredUser::active).map(this::withGroups).toList();
    }

    /**
     * Active users whose indexed attribute equals the value ({@code id}, {@code userName} and {@code emails.value}
     * ignore case; {@code externalId} does not), or null when the attribute has no index.
     */
    List<User> activeUsersWhere(String attribute, String value) {
        Collection<String> ids = switch (attribute) {
            case "id" -> List.of(value);
            case "userName" -> nullableSet(userIdByUserName.get(lowerCase(value)));
            case "emails.value" -> nullableSet(userIdByEmail.get(lowerCase(value)));
            case "externalId" -> userIdsByExternalId.getOrDefault(value, Set.of());
            default -> null;
        };
        if (ids == null) {
            return null;
        }
        return ids.stream().map(id -> users.get(numberOf(id, USER_ID_PREFIX)))
                .filter(stored -> stored != null && stored.active())
                .sorted(java.util.Comparator.comparingLong(StoredUser::number))
                .map(this::withGroups).toList();
    }

    int userCount() {
        return users.size();
    }

    int activeUserCount() {
        return activeUsers;
    }

    List<JsonNode> allUsers() {
        return users.values().stream().map(stored -> (JsonNode) withGroups(stored)).toList();
    }

    void reserveForOtherAccount(String userNameOrEmail) {
        otherAccountNames.add(lowerCase(userNameOrEmail));
    }

    void protectFromDeletion(String userId) {
        undeletableUserIds.add(userId);
    }

    // groups

    Group createGroup(Group group) {
        stripServerAttributes(group);
        String name = group.getDisplayName().orElse(null);
        if (name == null || name.isBlank()) {
            throw new BadRequestException("displayName is required", ScimType.RFC7644.INVALID_VALUE);
        }
        if (groupIdByName.containsKey(name)) {
            throw new ConflictException("A group named '" + name + "' already exists", ScimType.RFC7644.UNIQUENESS);
        }
        long number = groupNumbers.incrementAndGet();
        group.setId(GROUP_ID_PREFIX + number);
        normalizeMembers(group);
        stamp(group, "Group", Instant.now());
        storeGroup(number, group);
        return groupById(group.getId().orElseThrow());
    }

    Group groupById(String id) {
        StoredGroup stored = groups.get(numberOf(id, GROUP_ID_PREFIX));
        return stored == null ? null : JsonHelper.readJsonDocument(stored.json(), Group.class);
    }

    /** The group's {@code meta.version}, or null when there is no such group. */
    String groupVersion(String id) {
        StoredGroup stored = groups.get(numberOf(id, GROUP_ID_PREFIX));
        return stored == null ? null : stored.version();
    }

    /**
     * PUT, and PATCH after the library applied it. Members are checked and de-duplicated. Returns the group given,
     * as stored (the stored JSON cannot change through it).
     */
    Group replaceGroup(Group group) {
        String id = group.getId().orElseThrow();
        long number = numberOf(id, GROUP_ID_PREFIX);
        StoredGroup old = groups.get(number);
        if (old == null) {
            throw new ResourceNotFoundException("Group " + id + " does not exist");
        }
        String name = group.getDisplayName().orElse(old.displayName());
        String holder = groupIdByName.get(name);
        if (holder != null && !holder.equals(id)) {
            throw new ConflictException("A group named '" + name + "' already exists", ScimType.RFC7644.UNIQUENESS);
        }
        stripServerAttributes(group);
        group.setId(id);
        normalizeMembers(group);
        unindexGroup(old);
        stamp(group, "Group", old.created());
        storeGroup(number, group);
        return group;
    }

    /**
     * A membership PATCH ({@link MemberPatches}): the steps applied in order to the member ids, then the group
     * replaced as a PUT would, unless its members are the same as before.
     */
    Group patchMembers(String id, List<MemberPatches.Step> steps) {
        StoredGroup stored = groups.get(numberOf(id, GROUP_ID_PREFIX));
        if (stored == null) {
            throw new ResourceNotFoundException("Group with id '" + id + "' does not exist.");
        }
        Set<String> members = new LinkedHashSet<>(stored.memberIds());
        for (MemberPatches.Step step : steps) {
            if (step.add()) {
                members.addAll(step.memberIds());
            } else {
                step.memberIds().forEach(members::remove);
            }
        }
        Group group = groupById(id);
        if (members.equals(stored.memberIds())) {
            return group;
        }
        ArrayNode values = group.putArray("members");
        members.forEach(member -> values.addObject().put("value", member));
        return replaceGroup(group);
    }

    void deleteGroup(String id) {
        StoredGroup stored = groups.get(numberOf(id, GROUP_ID_PREFIX));
        if (stored == null) {
            throw new ResourceNotFoundException("Group " + id + " does not exist");
        }
        if (!stored.memberIds().isEmpty()) {
            throw new BadRequestException("Organizational group '" + stored.displayName() + "' still has "
                                          + stored.memberIds().size() + " member(s): remove them before deleting it",
                    ScimType.RFC7644.MUTABILITY);
        }
        removeFromEveryGroup(id);
        unindexGroup(stored);
        groups.remove(stored.number());
    }

    /** A deleted user or sub-group leaves every group it was a member of. */
    private void removeFromEveryGroup(String memberId) {
        for (String groupId : List.copyOf(groupIdsByMember.getOrDefault(memberId, Set.of()))) {
            Group group = groupById(groupId);
            ArrayNode members = (ArrayNode) group.get("members");
            for (int i = members.size() - 1; i >= 0; i--) {
                if (memberId.equals(members.get(i).path("value").asText())) {
                    members.remove(i);
                }
            }
            replaceGroup(group);
        }
    }

    Page<Group> groupPage(long startIndex, int count) {
        List<Group> page = groups.values().stream().skip(startIndex - 1).limit(count)
                .map(stored -> JsonHelper.readJsonDocument(stored.json(), Group.class)).toList();
        return new Page<>(page, groups.size());
    }

    List<Group> allGroups() {
        return groups.values().stream().map(stored -> JsonHelper.readJsonDocument(stored.json(), Group.class))
                .toList();
    }

    /** Groups whose indexed attribute equals the value, or null when the attribute has no index. */
    List<Group> groupsWhere(String attribute, String value) {
        String id;
        if (attribute.equals("id")) {
            id = value;
        } else if (attribute.equals("displayName")) {
            id = groupIdByName.get(value);
        } else {
            return null;
        }
        Group group = id == null ? null : groupById(id);
        return group == null ? List.of() : List.of(group);
    }

    int groupCount() {
        return groups.size();
    }

    void clear() {
        users.clear();
        userIdByUserName.clear();
        userIdByEmail.clear();
        userIdsByExternalId.clear();
        otherAccountNames.clear();
        undeletableUserIds.clear();
        activeUsers = 0;
        groups.clear();
        groupIdByName.clear();
        groupIdsByMember.clear();
        userNumbers.set(FIRST_NUMBER);
        groupNumbers.set(FIRST_NUMBER);
    }

    // internals

    private void requireUniqueUser(User user, String selfId) {
        String userName = user.getUserName().orElse(null);
        if (userName == null || userName.isBlank()) {
            throw new BadRequestException("userName is required", ScimType.RFC7644.INVALID_VALUE);
        }
        List<String> keys = new ArrayList<>();
        keys.add(lowerCase(userName));
        emailKeysOf(user).forEach(keys::add);
        for (String key : keys) {
            if (otherAccountNames.contains(key)) {
                throw new ConflictException("User " + key + " already exists in another Lucid account; only an "
                                            + "account admin invite can add them to this account",
                        ScimType.RFC7644.UNIQUENESS);
            }
            String holder = userIdByUserName.containsKey(key) ? userIdByUserName.get(key) : userIdByEmail.get(key);
            if (holder != null && !holder.equals(selfId)) {
                throw new ConflictException("A user with userName or email " + key + " already exists in this "
                                            + "account", ScimType.RFC7644.UNIQUENESS);
            }
        }
    }

    private void storeUser(long number, User user) {
        String userName = user.getUserName().orElseThrow();
        StoredUser stored = new StoredUser(number, user.toString(), userName, lowerCase(userName), emailKeysOf(user),
                user.getExternalId().orElse(null), user.isActive().orElse(true));
        users.put(number, stored);
        String id = USER_ID_PREFIX + number;
        userIdByUserName.put(stored.userNameKey(), id);
        stored.emailKeys().forEach(email -> userIdByEmail.put(email, id));
        if (stored.externalId() != null) {
            userIdsByExternalId.computeIfAbsent(stored.externalId(), key -> new LinkedHashSet<>()).add(id);
        }
        if (stored.active()) {
            activeUsers++;
        }
    }

    private void unindexUser(StoredUser stored) {
        String id = USER_ID_PREFIX + stored.number();
        userIdByUserName.remove(stored.userNameKey(), id);
        stored.emailKeys().forEach(email -> userIdByEmail.remove(email, id));
        if (stored.externalId() != null) {
            Set<String> ids = userIdsByExternalId.get(stored.externalId());
            ids.remove(id);
            if (ids.isEmpty()) {
                userIdsByExternalId.remove(stored.externalId());
            }
        }
        if (stored.active()) {
            activeUsers--;
        }
    }

    private void storeGroup(long number, Group group) {
        Set<String> memberIds = new LinkedHashSet<>();
        group.path("members").forEach(member -> memberIds.add(member.path("value").asText()));
        JsonNode meta = group.path("meta");
        StoredGroup stored = new StoredGroup(number, group.toString(), group.getDisplayName().orElseThrow(),
                memberIds, Instant.parse(meta.path("created").asText()), meta.path("version").asText());
        groups.put(number, stored);
        String id = GROUP_ID_PREFIX + number;
        groupIdByName.put(stored.displayName(), id);
        memberIds.forEach(member -> groupIdsByMember.computeIfAbsent(member, key -> new LinkedHashSet<>()).add(id));
    }

    private void unindexGroup(StoredGroup stored) {
        String id = GROUP_ID_PREFIX + stored.number();
        groupIdByName.remove(stored.displayName(), id);
        for (String member : stored.memberIds()) {
            Set<String> ids = groupIdsByMember.get(member);
            ids.remove(id);
            if (ids.isEmpty()) {
                groupIdsByMember.remove(member);
            }
        }
    }

    /**
     * Members must exist (users, or groups for organizational sub-groups); duplicates are dropped. Looked up in the
     * stored records, never parsed: a PATCH of a 10,000-member group checks every member.
     */
    private void normalizeMembers(Group group) {
        ArrayNode normalized = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new HashSet<>();
        for (JsonNode member : group.path("members")) {
            String value = member.path("value").asText(null);
            if (value == null || !seen.add(value)) {
                continue;
            }
            if (value.equals(group.getId().orElse(null))) {
                throw new BadRequestException("A group cannot be a member of itself", ScimType.RFC7644.INVALID_VALUE);
            }
            StoredUser user = users.get(numberOf(value, USER_ID_PREFIX));
            StoredGroup subGroup = user == null ? groups.get(numberOf(value, GROUP_ID_PREFIX)) : null;
            if (user == null && subGroup == null) {
                throw new BadRequestException("Member " + value + " is neither a user nor a group of this account",
                        ScimType.RFC7644.INVALID_VALUE);
            }
            ObjectNode entry = normalized.addObject().put("value", value);
            entry.put("display", user != null ? user.userName() : subGroup.displayName());
            entry.put("type", user != null ? "User" : "Group");
        }
        group.set("members", normalized);
    }

    /** A copy of the user with {@code groups} as Lucid shows them: derived from group membership. */
    private User withGroups(StoredUser stored) {
        User user = JsonHelper.readJsonDocument(stored.json(), User.class);
        Set<String> groupIds = groupIdsByMember.getOrDefault(USER_ID_PREFIX + stored.number(), Set.of());
        if (!groupIds.isEmpty()) {
            ArrayNode list = user.putArray("groups");
            for (String groupId : groupIds) {
                StoredGroup group = groups.get(numberOf(groupId, GROUP_ID_PREFIX));
                list.addObject().put("value", groupId).put("display", group.displayName()).put("type", "direct");
            }
        }
        return user;
    }

    /** Removes what only the server sets: id, meta and (for users) the derived groups. */
    private static void stripServerAttributes(ResourceNode resource) {
        resource.remove("id");
        resource.remove("meta");
        if (resource instanceof User) {
            resource.remove("groups");
        }
    }

    private void stamp(ResourceNode resource, String resourceType, Instant created) {
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", resourceType);
        meta.put("created", created.toString());
        meta.put("lastModified", Instant.now().toString());
        meta.put("version", "W/\"" + versions.incrementAndGet() + "\"");
    }

    private static Instant createdOf(String json) {
        JsonNode created = JsonHelper.readJsonDocument(json).path("meta").path("created");
        return created.isTextual() ? Instant.parse(created.asText()) : Instant.now();
    }

    private static List<String> emailKeysOf(User user) {
        List<String> keys = new ArrayList<>();
        user.path("emails").forEach(email -> {
            if (email.path("value").isTextual()) {
                keys.add(lowerCase(email.path("value").asText()));
            }
        });
        return keys;
    }

    /** The number in an id such as lucid-1234; -1 (never stored) for anything else. */
    private static long numberOf(String id, String prefix) {
        if (id == null || !id.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Collection<String> nullableSet(String id) {
        return id == null ? Set.of() : Set.of(id);
    }

    private static String lowerCase(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
