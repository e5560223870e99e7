package dev.lucidscim.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
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
 * Lucid's directory: the {@link UserTable} and two {@link GroupTable}s, the organizational groups and the teams
 * ({@link GroupKind}), and the rules that span them. An organizational group's members are users or organizational
 * groups of the account, a team's are users only, never the group itself, shown with their current name; a user's
 * {@code groups} follow organizational group membership (teams are not shown there), and so do its licences on an
 * account that licenses through groups ({@link OrgGroupLicensing}); a deleted user or group leaves every group it was a
 * member of; a membership PATCH ({@link MemberPatches}) changes member ids without the SCIM library.
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
    private final GroupTable groups = new GroupTable(serverAttributes, GroupKind.ORGANIZATIONAL);
    private final GroupTable teams = new GroupTable(serverAttributes, GroupKind.TEAM);
    private final OrgGroupLicensing licensing;
    /** Holds the write lock around a whole library operation, its reads included. */
    private final Interceptor oneWrite = new Interceptor() {
        @Override
        public <T> T doAround(Supplier<T> operation, Context context) {
            return writing(operation);
        }
    };

    /**
     * The users as the SCIM handler sees them: listings and filters show active users only, in Lucid's dialect.
     * Licence writes are ignored, and licences shown from group membership, when {@code licensing} is on.
     */
    Directory(SimulatorDialect dialect, OrgGroupLicensing licensing) {
        users = new UserTable(serverAttributes, dialect.listsDeactivatedUsers());
        this.licensing = licensing;
    }

    ResourceStore<User> users() {
        return new ResourceStore<>(this::createUser, this::userById, this::listedUserPage, this::listedUsersWhere,
                this::allListedUsers, this::replaceUser, this::deleteUser, oneWrite);
    }

    /** The organizational groups, or the teams. */
    ResourceStore<Group> groups(GroupKind kind) {
        GroupTable table = table(kind);
        return new ResourceStore<>(group -> createGroup(table, group), id -> groupById(table, id),
                (startIndex, count) -> reading(() -> table.page(startIndex, count)),
                (attribute, value) -> reading(() -> table.where(attribute, value)), () -> allGroups(table),
                group -> writing(() -> table.replace(group, settling(table))), id -> deleteGroup(table, id),
                oneWrite);
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
            groups.removeMemberEverywhere(id, settling(groups));
            teams.removeMemberEverywhere(id, settling(teams));
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

    // groups (organizational groups and teams)

    Group createGroup(GroupTable table, Group group) {
        return writing(() -> table.insert(group, settling(table)));
    }

    Group groupById(GroupTable table, String id) {
        return reading(() -> table.byId(id));
    }

    /**
     * A membership PATCH ({@link MemberPatches}): 404 without the group, 412 when {@code ifMatch} (null: none) is not
     * its version; else the steps applied in order to the member ids, then the group replaced as a PUT would, unless
     * its members are the same as before (the version stays).
     */
    Group patchMembers(GroupKind kind, String id, String ifMatch, List<MemberPatches.Step> steps) {
        GroupTable table = table(kind);
        return writing(() -> {
            Set<String> before = table.memberIdsForChange(id, ifMatch);
            Set<String> after = new LinkedHashSet<>(before);
            steps.forEach(step -> step.applyTo(after));
            Group group = table.byId(id);
            if (after.equals(before)) {
                return group;
            }
            ArrayNode values = group.putArray("members");
            after.forEach(member -> values.addObject().put("value", member));
            return table.replace(group, settling(table));
        });
    }

    /** Deletes the organizational group (its sub-group memberships with it), or archives the team. */
    void deleteGroup(GroupTable table, String id) {
        writing(() -> {
            table.delete(id);
            if (!table.kind().archivesOnDelete()) {
                groups.removeMemberEverywhere(id, settling(groups));
            }
        });
    }

    List<Group> allGroups(GroupTable table) {
        return reading(table::all);
    }

    List<Group> allGroups(GroupKind kind) {
        return allGroups(table(kind));
    }

    Group groupById(GroupKind kind, String id) {
        return groupById(table(kind), id);
    }

    int groupCount(GroupKind kind) {
        return reading(table(kind)::count);
    }

    /** Empty again, ids from 1001. */
    void clear() {
        writing(() -> {
            users.clear();
            groups.clear();
            teams.clear();
        });
    }

    // the rules spanning users and groups

    private GroupTable table(GroupKind kind) {
        return kind == GroupKind.TEAM ? teams : groups;
    }

    /** The member rule of the table's groups, for its writes. */
    private Consumer<Group> settling(GroupTable table) {
        return group -> settleMembers(group, table.kind().holdsSubGroups());
    }

    /**
     * Members must exist (users, or organizational groups when {@code subGroups} are allowed) and not be the group
     * itself; duplicates are dropped; each is shown with its current name. Looked up in the stored records, never
     * parsed: a PATCH of a 10,000-member group checks every member.
     */
    private void settleMembers(Group group, boolean subGroups) {
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
            if (subGroupName != null && !subGroups) {
                throw new BadRequestException("Member " + value + " is an organizational group: a team (the content "
                                              + "access integration's group) holds users only",
                        ScimType.RFC7644.INVALID_VALUE);
            }
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

    /**
     * The user (null: none) with {@code groups} as Lucid shows them, derived from organizational group membership, and
     * its licences when they follow group membership.
     */
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
        if (licensing.enabled()) {
            licensing.show(user, groupNamesReaching(memberOf));
        }
        return user;
    }

    /** The names of the groups the user is in, directly or through sub-groups, from its direct groups. */
    private Set<String> groupNamesReaching(Map<String, String> directGroups) {
        Map<String, String> reached = new LinkedHashMap<>(directGroups);
        Deque<String> toVisit = new ArrayDeque<>(directGroups.keySet());
        while (!toVisit.isEmpty()) {
            groups.groupsWithMember(toVisit.pop()).forEach((parentId, name) -> {
                if (reached.putIfAbsent(parentId, name) == null) {
                    toVisit.push(parentId);
                }
            });
        }
        return new LinkedHashSet<>(reached.values());
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
