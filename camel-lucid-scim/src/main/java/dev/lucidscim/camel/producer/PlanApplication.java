package dev.lucidscim.camel.producer;

import dev.lucidscim.plan.ChangePlan;
import org.apache.camel.Exchange;

/**
 * Applies a plan as {@code operation=apply} does (deletion breaker, {@code If-Match}, every write in the ledger under
 * the plan's id as run id), its report becoming the exchange's body: what revert hands its inverse plan to.
 */
@FunctionalInterface
public interface PlanApplication {

    /** Until the applier of plans is joined to revert: a revert without dryRun says so, before any request. */
    PlanApplication NOT_JOINED = (plan, exchange) -> {
        throw new UnsupportedOperationException("revert can only plan for now: set dryRun=true to get the inverse "
                                                + "plan; applying it comes with operation=apply");
    };

    void apply(ChangePlan plan, Exchange exchange) throws Exception;
}
