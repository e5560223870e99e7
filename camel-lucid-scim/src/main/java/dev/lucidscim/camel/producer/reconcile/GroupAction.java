package dev.lucidscim.camel.producer.reconcile;

/** What reconcile does, or would do, to one group of the roster. */
public enum GroupAction {
    /** Named in the roster, not in Lucid: POST with its members. */
    CREATE,
    /** In both, with members to add or remove: PATCH of exactly those. */
    UPDATE,
    /** In both, with exactly the roster's members: no request. */
    UNCHANGED,
    /** Named in the roster but on the {@code excludedGroups} list: never created nor changed. */
    EXCLUDED
}
