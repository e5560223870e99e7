package dev.lucidscim.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;

/**
 * Lucid's users, with the rules that concern users alone: ids {@code lucid-N} in creation order; {@code emails}
 * required; {@code userName} and e-mail unique in the account, deactivated users included, and refused when reserved
 * by "another Lucid account"; protected users that cannot be deleted; deactivated users left out of listings and
 * filtered searches but returned by id (unless the {@link SimulatorDialect} lists them).
 * <p>
 * Users are stored as JSON text (compact and immutable) with the indexes Lucid's fast filters need; every read hands
 * out a fresh copy, since the SCIM library changes the objects it is given. A user's {@code groups} are not stored
 * here: the {@link Directory} adds them from group membership. Not thread-safe: the Directory's lock guards it.
 */
final class UserTable {

    static final String ID_PREFIX = "lucid-";

    /** A stored user: its JSON, its userName (a group member's display) and the keys the indexes hold. */
    private record StoredUser(long number, String json, String userName, String userNameKey, List<String> emailKeys,
                              String externalId, boolean active, Instant created) {
    }

    private final NumberedRecords<StoredUser> users = new NumberedRecords<>(ID_PREFIX);
    private final ServerAttributes serverAttributes;
    private final Map<String, String> idByUserName = new HashMap<>();
    private final Map<String, String> idByEmail = new HashMap<>();
    private final Map<String, Set<String>> idsByExternalId = new HashMap<>();
    private final Set<String> otherAccountNames = new HashSet<>();
    private final Set<String> undeletableIds = new HashSet<>();
    private int activeUsers;
    private final boolean listsDeactivatedUsers;

    /** @param listsDeactivatedUsers whether listings and filtered searches show deactivated users (Lucid's do not) */
    UserTable(ServerAttributes serverAttributes, boolean listsDeactivatedUsers) {
        this.serverAttributes = serverAttributes;
        this.listsDeactivatedUsers = listsDeactivatedUsers;
    }

    /** POST: the user checked, given an id and stored; returns it as stored. */
    User insert(User user) {
        ServerAttributes.strip(user);
        if (!user.path("emails").elements().hasNext()) {
            throw new BadRequestException("emails is required: Lucid needs at least one e-mail address",
                    ScimType.RFC7644.INVALID_VALUE);
        }
        if (user.get("active") == null) {
            user.put("active", true);
        }
        requireUnique(user, null);
        long number = users.nextNumber();
        user.setId(users.id(number));
        Instant now = Instant.now();
        store(number, user, now, now);
        return byId(users.id(number));
    }

    /** PUT, and PATCH after the library applied it: the whole user replaced. Returns it as stored. */
    User replace(User user) {
        String id = user.getId().orElseThrow();
        StoredUser old = stored(id);
        ServerAttributes.strip(user);
        user.setId(id);
        requireUnique(user, id);
        unindex(old);
        store(old.number(), user, old.created(), Instant.now());
        return byId(id);
    }

    /** Removes the user, unless it does not exist (404) or is protected (409). */
    void delete(String id) {
        StoredUser stored = stored(id);
        if (undeletableIds.contains(id)) {
            throw new ConflictException("User " + id + " is the account owner or the default document owner and "
                                        + "cannot be deleted", ScimType.RFC7644.MUTABILITY);
        }
        unindex(stored);
        users.remove(stored.number());
    }

    /** The user, deactivated or not; null when there is none. */
    User byId(String id) {
        return users.find(id).map(UserTable::parsed).orElse(null);
    }

    /** The user with this userName (ignoring case), deactivated or not, from the index; null when there is none. */
    User byUserName(String userName) {
        String id = idByUserName.get(lowerCase(userName));
        return id == null ? null : byId(id);
    }

    /** The userName of the user with this id, or null when there is no such user: a group member's display. */
    String userNameOf(String id) {
        return users.find(id).map(StoredUser::userName).orElse(null);
    }

    /** The users a listing shows, in creation order. */
    ResourceStore.Page<User> listedPage(long startIndex, int count) {
        List<User> page = new ArrayList<>();
        long skip = startIndex - 1;
        for (StoredUser stored : users.all()) {
            if (!listed(stored)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            if (page.size() == count) {
                break;
            }
            page.add(parsed(stored));
        }
        return new ResourceStore.Page<>(page, listsDeactivatedUsers ? users.size() : activeUsers);
    }

    /** Every listed user: for filters on attributes without an index. */
    List<User> allListed() {
        return users.all().stream().filter(this::listed).map(UserTable::parsed).toList();
    }

    /**
     * Listed users whose indexed attribute equals the value ({@code id}, {@code userName} and {@code emails.value}
     * ignore case; {@code externalId} does not), or null when the attribute has no index.
     */
    List<User> listedWhere(String attribute, String value) {
        Collection<String> found = switch (attribute) {
            case "id" -> List.of(value);
            case "userName" -> nullableSet(idByUserName.get(lowerCase(value)));
            case "emails.value" -> nullableSet(idByEmail.get(lowerCase(value)));
            case "externalId" -> idsByExternalId.getOrDefault(value, Set.of());
            default -> null;
        };
        if (found == null) {
            return null;
        }
        return found.stream().flatMap(id -> users.find(id).stream()).filter(this::listed)
                .sorted(Comparator.comparingLong(StoredUser::number))
                .map(UserTable::parsed).toList();
    }

    /** Every user, deactivated ones included, in creation order. */
    List<User> everyone() {
        return users.all().stream().map(UserTable::parsed).toList();
    }

    int count() {
        return users.size();
    }

    int activeCount() {
        return activeUsers;
    }

    void reserveForOtherAccount(String userNameOrEmail) {
        otherAccountNames.add(lowerCase(userNameOrEmail));
    }

    void protectFromDeletion(String userId) {
        undeletableIds.add(userId);
    }

    void clear() {
        users.clear();
        idByUserName.clear();
        idByEmail.clear();
        idsByExternalId.clear();
        otherAccountNames.clear();
        undeletableIds.clear();
        activeUsers = 0;
    }

    /** Lucid lists active users only: a deactivated one is found by id alone. */
    private boolean listed(StoredUser stored) {
        return stored.active() || listsDeactivatedUsers;
    }

    private void requireUnique(User user, String selfId) {
        String userName = user.getUserName().orElse(null);
        if (userName == null || userName.isBlank()) {
            throw new BadRequestException("userName is required", ScimType.RFC7644.INVALID_VALUE);
        }
        List<String> keys = new ArrayList<>();
        keys.add(lowerCase(userName));
        keys.addAll(emailKeysOf(user));
        for (String key : keys) {
            if (otherAccountNames.contains(key)) {
                throw new ConflictException("User " + key + " already exists in another Lucid account; only an "
                                            + "account admin invite can add them to this account",
                        ScimType.RFC7644.UNIQUENESS);
            }
            String holder = idByUserName.containsKey(key) ? idByUserName.get(key) : idByEmail.get(key);
            if (holder != null && !holder.equals(selfId)) {
                throw new ConflictException("A user with userName or email " + key + " already exists in this "
                                            + "account", ScimType.RFC7644.UNIQUENESS);
            }
        }
    }

    private void store(long number, User user, Instant created, Instant lastModified) {
        serverAttributes.stamp(user, "User", created, lastModified);
        String userName = user.getUserName().orElseThrow();
        StoredUser stored = new StoredUser(number, user.toString(), userName, lowerCase(userName), emailKeysOf(user),
                user.getExternalId().orElse(null), user.isActive().orElse(true), created);
        users.put(number, stored);
        String id = users.id(number);
        idByUserName.put(stored.userNameKey(), id);
        stored.emailKeys().forEach(email -> idByEmail.put(email, id));
        if (stored.externalId() != null) {
            idsByExternalId.computeIfAbsent(stored.externalId(), key -> new LinkedHashSet<>()).add(id);
        }
        if (stored.active()) {
            activeUsers++;
        }
    }

    private void unindex(StoredUser stored) {
        String id = users.id(stored.number());
        idByUserName.remove(stored.userNameKey(), id);
        stored.emailKeys().forEach(email -> idByEmail.remove(email, id));
        if (stored.externalId() != null) {
            Set<String> holders = idsByExternalId.get(stored.externalId());
            holders.remove(id);
            if (holders.isEmpty()) {
                idsByExternalId.remove(stored.externalId());
            }
        }
        if (stored.active()) {
            activeUsers--;
        }
    }

    private StoredUser stored(String id) {
        return users.find(id).orElseThrow(() -> new ResourceNotFoundException("User " + id + " does not exist"));
    }

    private static User parsed(StoredUser stored) {
        return JsonHelper.readJsonDocument(stored.json(), User.class);
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

    private static Collection<String> nullableSet(String id) {
        return id == null ? Set.of() : Set.of(id);
    }

    private static String lowerCase(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
