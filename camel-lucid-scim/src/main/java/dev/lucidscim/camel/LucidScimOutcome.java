package dev.lucidscim.camel;

/**
 * What an operation did to Lucid. Its {@code toString()} is the value of the {@code CamelLucidScimOutcome} header:
 * {@code created}, {@code membersAdded}, ...
 */
public enum LucidScimOutcome {
    CREATED,
    UPDATED,
    /**
     * Upsert found nothing to change and sent no write, or its write changed nothing the tenant keeps (see the
     * {@code CamelLucidScimIgnoredAttributes} header).
     */
    UNCHANGED,
    DEACTIVATED,
    /** A deactivated user made active again, or an archived team restored by the create of its name. */
    REACTIVATED,
    DELETED,
    /** A team's DELETE (integration contentAccess): Lucid archives it; a create of its name restores it. */
    ARCHIVED,
    MEMBERS_ADDED,
    MEMBERS_REMOVED;

    /** The outcome a {@code CamelLucidScimOutcome} header value stands for. */
    public static LucidScimOutcome ofHeader(String value) {
        LucidScimOutcome outcome = EnumNames.find(LucidScimOutcome.class, value);
        if (outcome == null) {
            throw new IllegalArgumentException("No lucid-scim outcome is named '" + value + "'");
        }
        return outcome;
    }

    @Override
    public String toString() {
        return EnumNames.lowerCamel(this);
    }
}
