package dev.lucidscim.camel;

/** Which Lucid users reconcile may deactivate when the roster lacks them. */
public enum LucidScimManagedUsers {
    /** Every user. */
    all,
    /** Users with an externalId: provisioned from an HR system, not created by hand. */
    withExternalId,
    /** Users matching managedFilter ({@code <attribute> eq <value>}). */
    filter
}
