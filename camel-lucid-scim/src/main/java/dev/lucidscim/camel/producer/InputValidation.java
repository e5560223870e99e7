package dev.lucidscim.camel.producer;

import java.util.ArrayList;
import java.util.List;

import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.client.ResourceIds;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimMultiValue;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.model.SubGroups;

/**
 * What the component checks before it sends anything, so that bad input fails with every problem named and no
 * request made. Lucid requires {@code userName} and {@code emails} on create, and passwords of 8 characters or more.
 */
public final class InputValidation {

    /** RFC 5321's limit on a forward path: no address that Lucid (or any mail system) takes is longer. */
    public static final int MAX_EMAIL_LENGTH = 254;

    private InputValidation() {
    }

    /**
     * Practical, not RFC 5322: at most 254 characters, one {@code @}, no blanks, a domain of two or more non-empty
     * labels. Checked in one pass over the characters, length first, so that no input can make it slow or deep (a
     * regular expression with a repeated group overflowed the stack on a 10 KB value).
     */
    public static boolean isEmail(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_EMAIL_LENGTH) {
            return false;
        }
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@')) {
            return false;
        }
        int labels = 1;
        int labelLength = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return false;
            }
            if (i > at) {
                if (c == '.') {
                    if (labelLength == 0) {
                        return false;
                    }
                    labels++;
                    labelLength = 0;
                } else {
                    labelLength++;
                }
            }
        }
        return labels >= 2 && labelLength > 0;
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

    /**
     * For create, replace and upsert: a named group whose member ids can be sent; with {@code subGroupsAllowed}
     * false (teams, which hold users only), none of its members a group ({@link SubGroups}).
     */
    public static void requireCompleteGroup(ScimGroup group, boolean subGroupsAllowed) {
        List<String> problems = new ArrayList<>();
        if (isBlank(group.displayName())) {
            problems.add("displayName is missing: Lucid requires a group name");
        }
        if (group.members() != null) {
            for (ScimReference member : group.members()) {
                String problem = ResourceIds.problemWith(member.value());
                if (problem != null) {
                    problems.add("member " + OneLine.quoted(member.value()) + ": " + problem);
                } else if (!subGroupsAllowed && SubGroups.isGroup(member)) {
                    problems.add(groupInTeam(member.value()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ScimValidationException.beforeRequest(prefixed("Group " + OneLine.quoted(group.displayName()), problems));
        }
    }

    /** For members to add to a team, given by id: none may be an organizational group. */
    public static void requireUserMemberIds(String groupId, List<String> memberIds) {
        List<String> problems = memberIds.stream().filter(SubGroups::isGroupId).map(InputValidation::groupInTeam)
                .toList();
        if (!problems.isEmpty()) {
            throw ScimValidationException.beforeRequest(prefixed("Group " + OneLine.quoted(groupId), problems));
        }
    }

    private static String groupInTeam(String memberId) {
        return "member " + OneLine.quoted(memberId) + " is a group, and a team (integration=contentAccess) holds "
               + "users only: give user ids, or an adminManagement endpoint for organizational groups";
    }

    private static List<String> userAttributeProblems(ScimUser user) {
        List<String> problems = new ArrayList<>();
        if (user.emails() != null) {
            for (ScimMultiValue email : user.emails()) {
                if (!isEmail(email.value())) {
                    problems.add("e-mail " + OneLine.quoted(email.value()) + " is not a valid address");
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
            throw ScimValidationException.beforeRequest(prefixed("User " + OneLine.quoted(who), problems));
        }
    }

    private static List<String> prefixed(String subject, List<String> problems) {
        return problems.stream().map(problem -> subject + ": " + problem).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
