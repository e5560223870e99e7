package dev.lucidscim.camel.producer.plan;

/** Where a plan being applied comes from, which decides how much is checked before each write. */
public enum PlanOrigin {
    /**
     * Made by this very run from the listing it just read (reconcile without dry run): a write carries
     * {@code If-Match} where it can, and is not read first otherwise (that would double the requests of a run for a
     * window of milliseconds).
     */
    THIS_RUN,
    /**
     * Made earlier and stored (apply, approve, revert): where {@code If-Match} cannot be sent, each resource is read
     * first and compared with the plan.
     */
    STORED
}
