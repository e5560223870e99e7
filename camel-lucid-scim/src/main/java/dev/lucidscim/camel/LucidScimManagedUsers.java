package dev.lucidscim.camel;

/**
 * Which Lucid users reconcile may deactivate when the roster lacks them. Its {@code toString()} is the value of the
 * {@code managedUsers} option.
 */
public enum LucidScimManagedUsers {
    /** Every user. */
    ALL,
    /** Users with an externalId: provisioned from an HR system, not created by hand. */
    WITH_EXTERNAL_ID,
    /** Users matching managedFilter ({@code <attribute> eq <value>}). */
    FILTER;

    @Override
    public String toString() {
        return EnumNames.lowerCamel(this);
    }
}
