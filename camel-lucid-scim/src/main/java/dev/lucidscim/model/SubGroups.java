package dev.lucidscim.model;

/**
 * How a group member that is itself a group is told from a user: Lucid's organizational groups hold sub-groups, and
 * a server shows a member's kind in its {@code type} ({@code User} or {@code Group}, RFC 7643 section 4.2). Lucid
 * documents organizational group ids as {@code lucid-group-...} but not whether its answers carry {@code type}, so an
 * id of that form counts as a group too, which also covers member ids given without a type.
 */
public final class SubGroups {

    /** The form of Lucid's organizational group ids ({@code lucid-group-1234}). */
    public static final String ORGANIZATIONAL_GROUP_ID_PREFIX = "lucid-group-";

    private SubGroups() {
    }

    /** Whether this member is a group: {@code type} {@code Group}, or a {@code lucid-group-...} id. */
    public static boolean isGroup(ScimReference member) {
        return "Group".equalsIgnoreCase(member.type()) || isGroupId(member.value());
    }

    /** Whether a member id, given alone, names an organizational group. */
    public static boolean isGroupId(String memberId) {
        return memberId != null && memberId.startsWith(ORGANIZATIONAL_GROUP_ID_PREFIX);
    }
}
