package dev.lucidscim.camel.producer.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.lucidscim.error.OneLine;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.producer.InputValidation;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimUser;

/**
 * A roster that cannot be valid is refused before any request, with every offending row named: an empty roster
 * (which would deactivate everyone), rows without the match value, without e-mail or with a malformed one, and rows
 * that share a match value.
 */
final class RosterValidation {

    private RosterValidation() {
    }

    static void requireValid(List<ScimUser> roster, LucidScimMatchAttribute matchAttribute) {
        if (roster.isEmpty()) {
            throw ScimValidationException.beforeRequest("The roster is empty: reconciling it would deactivate every "
                                                        + "managed user, so nothing was done");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (int row = 0; row < roster.size(); row++) {
            ScimUser user = roster.get(row);
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
            }
            try {
                InputValidation.requireCompleteUser(user);
            } catch (ScimValidationException e) {
                e.getProblems().forEach(problem -> problems.add(who + ": " + problem));
            }
        }
        if (!problems.isEmpty()) {
            throw ScimValidationException.beforeRequest(problems);
        }
    }
}
