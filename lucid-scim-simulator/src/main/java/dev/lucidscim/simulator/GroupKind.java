package dev.lucidscim.simulator;

/**
 * What {@code /Groups} holds, by the token a request carries. Lucid offers two SCIM integrations behind one URL:
 * "SCIM for admin management", whose groups are organizational groups (users and sub-groups), and "SCIM for content
 * access", whose groups are teams (users only). The two are separate namespaces over the same users. Each rule is
 * decided here and applied by the {@link GroupTable} and the {@link Directory}.
 */
enum GroupKind {

    /** Organizational groups: the admin-management token's. */
    ORGANIZATIONAL("lucid-group-"),

    /** Teams: the content-access token's. */
    TEAM("lucid-team-");

    private final String idPrefix;

    GroupKind(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** Ids are this prefix and a number; the simulator's choice for teams (Lucid's team ids are not documented). */
    String idPrefix() {
        return idPrefix;
    }

    /**
     * A team's DELETE archives it: it leaves listings, searches and GET, its name stays taken, and a POST of its name
     * restores it. An organizational group is deleted, once it has no members.
     */
    boolean archivesOnDelete() {
        return this == TEAM;
    }

    /** Organizational groups may hold sub-groups ({@code lucid-group-...}); teams hold users only. */
    boolean holdsSubGroups() {
        return this == ORGANIZATIONAL;
    }
}
