package dev.lucidscim.simulator;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.interceptor.Interceptor;

/**
 * Lucid's directory: the {@link UserTable} and the {@link GroupTable}, and the rules that span both. A group's
 * members are users or groups of the account, never the group itself, shown with their current name; a user's
 * {@code groups} follow group membership; a deleted user or group leaves every group it was a member of; a
 * membership PATCH ({@link MemberPatches}) changes member ids without the SCIM library.
 * <p>
 * The directory takes its own lock: reads are shared, writes one at a time, and each operation below is atomic.
 * A library operation that reads a resource and then writes it (PUT, PATCH, DELETE, with their {@code If-Match})
 * runs as one write: the handler hands the library the directory's interceptor for them
 * ({@link ResourceStore#readThenWrite()}).
 */
final class Directory {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ServerAttributes serverAttributes = new ServerAttributes();
    private final UserTable users;
    private final GroupTable groups = new GroupTable(serverAttributes);
    /** Holds the write lock around a whole library operation, its reads included. */
    private final Interceptor oneWrite = new Interceptor() {
        @Override
        public <T> T doAround(Supplier<T> operation, Context context) {
            return writing(operation);
        }
    };

    /** The users as the SCIM handler sees them: listings and filters show active users only, in Lucid's dialect. */
    Directory(SimulatorDialect dialect) {
        users = new UserTable(serverAttributes, dialect.listsDeactivatedUsers());
    }

    ResourceStore<User> users() {
        return new ResourceStore<>(this::createUser, this::userById, this::listedUserPage, this::listedUsersWhere,
                this::allListedUsers, this::replaceUser, this::deleteUser, oneWrite);
    }

    ResourceStore<Group> groups() {
        return new ResourceStore<>(this::createGroup, this::groupById, this::groupPage, this::groupsWhere,
                this::allGroups, this::replaceGroup, this::deleteGroup, oneWrite);
    }


    // users

    User createUser(User user) {
        return writing(() -> withGroups(users.insert(user)));
    }

    /** The user, deactivated or not, with its groups; null when there is none. */
    User userById(String id) {
        return reading(() -> withGroups(users.byId(id)));
    }

    /** The user with this userName (ignoring case), deactivated or not; null when there is none. */
    User userByUserName(String userName) {
        return reading(() -> withGroups(users.byUserName(userName)));
    }

    User replaceUser(User user) {
        return writing(() -> withGroups(users.replace(user)));
    }

    void deleteUser(String id) {
        writing(() -> {
            users.delete(id);
            removeFromEveryGroup(id);
        });
    }

    ResourceStore.Page<User> listedUserPage(long startIndex, int count) {
        return reading(() -> {
            ResourceStore.Page<User> page = users.listedPage(startIndex, count);
            page.resources().forEach(this::withGroups);
            return page;
        });
    }

    List<User> listedUsersWhere(String attribute, String value) {
        return reading(() -> {
            List<User> found = users.listedWhere(attribute, value);
            if (found != null) {
                found.forEach(this::withGroups);
            }
            return found;
        });
    }

    List<User> allListedUsers() {
        return reading(() -> users.allListed().stream().map(this::withGroups).toList());
    }

    /** Every user, deactivated ones included, with their groups, in creation order. */
    List<JsonNode> allUsers() {
        return reading(() -> users.everyone().stream().map(user -> (JsonNode) withGroups(user)).toList());
    }

    int userCount() {
        return reading(users::count);
    }

    int activeUserCount() {
        return reading(users::activeCount);
    }

    void reserveForOtherAccount(String userNameOrEmail) {
        writing(() -> users.reserveForOtherAccount(userNameOrEmail));
    }

    void protectFromDeletion(String userId) {
        writing(() -> users.protectFromDeletion(userId));
    }

    // groups

    Group createGroup(Group group) {
        return writing(() -> groups.insert(group, this::settleMembers));
    }

    Group groupById(String id) {
        return reading(() -> groups.byId(id));
    }

    /** PUT, and PATCH after the library applied it. */
    Group replaceGroup(Group group) {
        return writing(() -> groups.replace(group, this::settleMembers));
    }

    /**
     * A membership PATCH ({@link MemberPatches}): 404 without the group, 412 when {@code ifMatch} (null: none) is not
     * its version; else the steps applied in order to the member ids, then the group replaced as a PUT would, unless
     * its members are the same as before (the version stays).
     */
    Group patchMembers(String id, String ifMatch, List<MemberPatches.Step> steps) {
        return writing(() -> {
            Set<String> before = groups.memberIdsForChange(id, ifMatch);
            Set<String> after = new LinkedHashSet<>(before);
            steps.forEach(step -> step.applyTo(after));
            Group group = groups.byId(id);
            if (after.equals(before)) {
                return group;
            }
            ArrayNode values = group.putArray("members");
            after.forEach(member -> values.addObject().put("value", member));
            return groups.replace(group, this::settleMembers);
        });
    }

    void deleteGroup(String id) {
        writing(() -> {
            groups.delete(id);
            removeFromEveryGroup(id);
        });
    }

    ResourceStore.Page<Group> groupPage(long startIndex, int count) {
        return reading(() -> groups.page(startIndex, count));
    }

    List<Group> allGroups() {
        return reading(groups::all);
    }

    List<Group> groupsWhere(String attribute, String value) {
        return reading(() -> groups.where(attribute, value));
    }

    int groupCount() {
        return reading(groups::count);
    }

    /** Empty again, ids from 1001. */
    void clear() {
        writing(() -> {
            users.clear();
            groups.clear();
        });
    }

    // the rules spanning users and groups

    /**
     * Members must exist (users, or groups for organizational sub-groups) and not be the group itself; duplicates are
     * dropped; each is shown with its current name. Looked up in the stored records, never parsed: a PATCH of a
     * 10,000-member group checks every member.
     */
    private void settleMembers(Group group) {
        ArrayNode settled = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new HashSet<>();
        for (JsonNode member : group.path("members")) {
            String value = member.path("value").asText(null);
            if (value == null || !seen.add(value)) {
                continue;
            }
            if (value.equals(group.getId().orElse(null))) {
                throw new BadRequestException("A group cannot be a member of itself", ScimType.RFC7644.INVALID_VALUE);
            }
            String userName = users.userNameOf(value);
            String subGroupName = userName == null ? groups.displayNameOf(value) : null;
            if (userName == null && subGroupName == null) {
                throw new BadRequestException("Member " + value + " is neither a user nor a group of this account",
                        ScimType.RFC7644.INVALID_VALUE);
            }
            ObjectNode entry = settled.addObject().put("value", value);
            entry.put("display", userName != null ? userName : subGroupName);
            entry.put("type", userName != null ? "User" : "Group");
        }
        group.set("members", settled);
    }

    /** A deleted user or sub-group leaves every group it was a member of. */
    private void removeFromEveryGroup(String memberId) {
        for (String groupId : groups.groupsWithMember(memberId).keySet()) {
            Group group = groups.byId(groupId);
            ArrayNode members = (ArrayNode) group.get("members");
            for (int i = members.size() - 1; i >= 0; i--) {
                if (memberId.equals(members.get(i).path("value").asText())) {
                    members.remove(i);
                }
            }
            groups.replace(group, this::settleMembers);
        }
    }

    /** The user (null: none) with {@code groups} as Lucid shows them: derived from group membership. */
    private User withGroups(User user) {
        if (user == null) {
            return null;
        }
        Map<String, String> memberOf = groups.groupsWithMember(user.getId().orElseThrow());
        if (!memberOf.isEmpty()) {
            ArrayNode list = user.putArray("groups");
            memberOf.forEach((groupId, name) -> list.addObject().put("value", groupId).put("display", name)
                    .put("type", "direct"));
        }
        return user;
    }

    private <T> T reading(Supplier<T> action) {
        return holding(lock.readLock(), action);
    }

    private <T> T writing(Supplier<T> action) {
        return holding(lock.writeLock(), action);
    }

    private void writing(Runnable action) {
        holding(lock.writeLock(), () -> {
            action.run();
            return null;
        });
    }

    private static <T> T holding(Lock lock, Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
