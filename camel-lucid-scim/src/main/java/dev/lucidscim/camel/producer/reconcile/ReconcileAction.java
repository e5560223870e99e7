package dev.lucidscim.camel.producer.reconcile;

/** What reconcile does, or would do, to one user. */
public enum ReconcileAction {
    /** In the roster, not in Lucid: POST. */
    CREATE,
    /** In both, with attributes that differ: one PATCH of exactly those. */
    UPDATE,
    /** In the roster, known to be a deactivated Lucid user: PATCH active true and the roster's attributes. */
    REACTIVATE,
    /** A managed, active Lucid user missing from the roster (or marked inactive in it): PATCH active false. */
    DEACTIVATE,
    /**
     * In both, nothing differs: no request. Also an update whose write the tenant answered keeping every value
     * written (its item's result is then {@code applied}, and its ignoredAttributes name them).
     */
    UNCHANGED,
    /** Active in Lucid, not in the roster, but not managed by this reconcile: left alone. */
    UNMANAGED
}
