package dev.lucidscim.camel.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.client.ResourceIds;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimMultiValue;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.ScimUser;

/**
 * What the component checks before it sends anything, so that bad input fails with every problem named and no
 * request made. Lucid requires {@code userName} and {@code emails} on create, and passwords of 8 characters or more.
 */
public final class InputValidation {

    /** Practical, not RFC 5322: one {@code @}, no blanks, a dot in the domain. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

    private InputValidation() {
    }

    public static boolean isEmail(String value) {
        return value != null && EMAIL.matcher(value).matches();
    }

    /** For create and replace: a whole user. */
    public static void requireCompleteUser(ScimUser user) {
        List<String> problems = new ArrayList<>();
        if (isBlank(user.userName())) {
            problems.add("userName is missing: Lucid requires it (usually the e-mail address)");
        }
        if (user.emails() == null || user.emails().isEmpty()) {
            problems.add("emails is missing: Lucid requires at least one e-mail address");
        }
        problems.addAll(userAttributeProblems(user));
        fail(user, problems);
    }

    /** For upsert: the match attribute must be there; everything given must be well-formed. */
    public static void requireMatchableUser(ScimUser user, LucidScimMatchAttribute matchAttribute) {
        List<String> problems = new ArrayList<>();
        if (isBlank(matchAttribute.valueOf(user))) {
            problems.add(matchAttribute + " is missing: upsert matches users on it (matchAttribute=" + matchAttribute
                         + ")");
        }
        problems.addAll(userAttributeProblems(user));
        fail(user, problems);
    }

    public static void requireCompleteGroup(ScimGroup group) {
        List<String> problems = new ArrayList<>();
        if (isBlank(group.displayName())) {
            problems.add("displayName is missing: Lucid requires a group name");
        }
        if (group.members() != null) {
            for (ScimReference member : group.members()) {
                String problem = ResourceIds.problemWith(member.value());
                if (problem != null) {
                    problems.add("member " + member.value() + ": " + problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ScimValidationException.beforeRequest(prefixed("Group '" + group.displayName() + "'", problems));
        }
    }

    private static List<String> userAttributeProblems(ScimUser user) {
        List<String> problems = new ArrayList<>();
        if (user.emails() != null) {
            for (ScimMultiValue email : user.emails()) {
                if (!isEmail(email.value())) {
                    problems.add("e-mail '" + email.value() + "' is not a valid address");
                }
            }
        }
        if (user.password() != null && user.password().length() < 8) {
            problems.add("password is shorter than the 8 characters Lucid requires");
        }
        return problems;
    }

    private static void fail(ScimUser user, List<String> problems) {
        if (!problems.isEmpty()) {
            String who = user.userName() != null ? user.userName() : user.externalId();
            throw ScimValidationException.beforeRequest(prefixed("User '" + who + "'", problems));
        }
    }

    private static List<String> prefixed(String subject, List<String> problems) {
        return problems.stream().map(problem -> subject + ": " + problem).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
