package dev.lucidscim.camel;

/**
 * Which of Lucid's two SCIM integrations the endpoint's token belongs to; both are served behind one URL, and the
 * token alone decides. Its {@code toString()} is the value of the {@code integration} option. The users are the same
 * under both; only what {@code /Groups} holds differs, and with it how {@code lucid-scim:groups} treats members,
 * deletes and creates. Lucid's answers do not say which integration a token has (team ids are not documented), so
 * the option says it.
 */
public enum LucidScimIntegration {
    /**
     * "SCIM for admin management": groups are organizational groups, which hold users and sub-groups
     * ({@code lucid-group-...}); DELETE deletes one (Lucid refuses while it has members).
     */
    ADMIN_MANAGEMENT,
    /**
     * "SCIM for content access": groups are teams, which hold users only; DELETE archives a team (its name stays
     * taken) and a create of an archived team's name restores it.
     */
    CONTENT_ACCESS;

    /** Whether a group may hold groups: organizational groups may, teams may not. */
    public boolean groupsHoldSubGroups() {
        return this == ADMIN_MANAGEMENT;
    }

    /** Whether a group's DELETE archives it, so that a create of its name restores it: teams. */
    public boolean groupsArchiveOnDelete() {
        return this == CONTENT_ACCESS;
    }

    @Override
    public String toString() {
        return EnumNames.lowerCamel(this);
    }
}
