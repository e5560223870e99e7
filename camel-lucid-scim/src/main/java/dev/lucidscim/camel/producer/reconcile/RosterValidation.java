package dev.lucidscim.camel.producer.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lucidscim.error.OneLine;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.producer.InputValidation;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimUser;

/**
 * A roster that cannot be valid is refused before any request, with every offending row named: an empty roster
 * (which would deactivate everyone), rows without the match value, without e-mail or with a malformed one, rows
 * that share a match value, managers given for someone not in the roster, and groups without a name, named twice,
 * or with a member who is not an active person of the roster.
 */
final class RosterValidation {

    private RosterValidation() {
    }

    static void requireValid(ReconcileRoster roster, LucidScimMatchAttribute matchAttribute) {
        List<ScimUser> users = roster.users();
        if (users.isEmpty()) {
            throw ScimValidationException.beforeRequest("The roster is empty: reconciling it would deactivate every "
                                                        + "managed user, so nothing was done");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        Set<String> active = new HashSet<>();
        for (int row = 0; row < users.size(); row++) {
            ScimUser user = users.get(row);
            String who = "roster row " + (row + 1)
                         + (user.userName() != null ? " (" + OneLine.of(user.userName(), OneLine.QUOTED_MAX_LENGTH) + ")"
                         : "");
            String key = RosterKeys.of(user, matchAttribute);
            if (key == null) {
                problems.add(who + ": no " + matchAttribute);
            } else {
                Integer earlier = firstRowOf.putIfAbsent(key, row + 1);
                if (earlier != null) {
                    problems.add(who + ": " + matchAttribute + " " + OneLine.quoted(matchAttribute.valueOf(user))
                                 + " is also on row " + earlier);
                }
                if (!Boolean.FALSE.equals(user.active())) {
                    active.add(key);
                }
            }
            try {
                InputValidation.requireCompleteUser(user);
            } catch (ScimValidationException e) {
                e.getProblems().forEach(problem -> problems.add(who + ": " + problem));
            }
        }
        roster.managers().forEach((person, manager) -> {
            String key = RosterKeys.ofValue(person, matchAttribute);
            if (key == null || !firstRowOf.containsKey(key)) {
                problems.add("managers: " + OneLine.quoted(person) + " is not a " + matchAttribute + " of the roster");
            } else if (RosterKeys.ofValue(manager, matchAttribute) == null) {
                problems.add("managers: " + OneLine.quoted(person) + " has no manager " + matchAttribute);
            }
        });
        Set<String> groupNames = new HashSet<>();
        for (RosterGroup group : roster.groups()) {
            if (group == null || group.displayName() == null || group.displayName().isBlank()) {
                problems.add("groups: a group without a displayName");
                continue;
            }
            String name = OneLine.quoted(group.displayName());
            if (!groupNames.add(group.displayName())) {
                problems.add("groups: " + name + " is named twice");
            }
            for (String member : group.members()) {
                if (!active.contains(RosterKeys.ofValue(member, matchAttribute))) {
                    problems.add("groups: " + name + " holds " + OneLine.quoted(member) + ", who is not an active "
                                 + "person of the roster");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ScimValidationException.beforeRequest(problems);
        }
    }
}
