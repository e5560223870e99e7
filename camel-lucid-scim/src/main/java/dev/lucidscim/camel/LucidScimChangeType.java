package dev.lucidscim.camel;

/**
 * What happened to a resource since the consumer's last poll. Its {@code toString()} is the value of the
 * {@code CamelLucidScimChangeType} header: {@code created}, {@code updated}, ...
 */
public enum LucidScimChangeType {
    /** Listed for the first time. */
    CREATED,
    /** Listed with different attributes (or, for groups, members). */
    UPDATED,
    /** No longer listed: deactivated or deleted (Lucid hides deactivated users); see resolveRemoved. */
    REMOVED,
    /**
     * With resolveRemoved: no longer listed, and Lucid returns it by id as inactive; or, from a server that lists
     * deactivated users, listed with {@code active=false} after it was listed active.
     */
    DEACTIVATED,
    /** With resolveRemoved: no longer listed, and Lucid no longer knows it. */
    DELETED,
    /** Listed again after it was removed, or listed active after it was listed inactive: made active again. */
    REACTIVATED;

    @Override
    public String toString() {
        return EnumNames.lowerCamel(this);
    }
}
