package dev.lucidscim.camel.producer.reconcile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lucidscim.model.ScimUser;

/**
 * What reconcile brings Lucid to: the people who should have an account (every attribute they carry, licences
 * included) and, optionally, who manages whom and which groups hold whom. Managers and members are named by their
 * match value (the userName, or the externalId with {@code matchAttribute=externalId}), because the Lucid ids of
 * people not created yet are unknown; reconcile resolves them, creating managers before the people they manage.
 *
 * <pre>{@code
 * ReconcileRoster.of(users)
 *         .withManagers(Map.of("ann@example.com", "bob@example.com"))     // ann's manager is bob
 *         .withGroups(List.of(new RosterGroup("Engineering", List.of("ann@example.com", "bob@example.com"))));
 * }</pre>
 *
 * As JSON (a body of text): {@code {"users": [...], "managers": {"ann@example.com": "bob@example.com"},
 * "groups": [{"displayName": "Engineering", "members": ["ann@example.com"]}]}}; a plain JSON array is the users alone.
 *
 * @param users    every person who should have an active account, and leavers marked {@code active: false}
 * @param managers a person's match value to their manager's (a person given as their own manager, as HR systems do
 *                 at the top of the chart, has no manager); people left out keep the manager they have
 * @param groups   groups brought to exactly these members; Lucid groups not named here are left alone
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReconcileRoster(List<ScimUser> users, Map<String, String> managers, List<RosterGroup> groups) {

    public ReconcileRoster {
        users = users == null ? List.of() : Collections.unmodifiableList(users);
        // a copy that keeps null values, so that validation can name the row instead of a NullPointerException here
        managers = managers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(managers));
        groups = groups == null ? List.of() : Collections.unmodifiableList(groups);
    }

    public static ReconcileRoster of(List<ScimUser> users) {
        return new ReconcileRoster(users, null, null);
    }

    public ReconcileRoster withManagers(Map<String, String> newManagers) {
        return new ReconcileRoster(users, newManagers, groups);
    }

    public ReconcileRoster withGroups(List<RosterGroup> newGroups) {
        return new ReconcileRoster(users, managers, newGroups);
    }
}
