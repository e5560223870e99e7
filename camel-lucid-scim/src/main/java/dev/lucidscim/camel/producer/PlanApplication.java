package dev.lucidscim.camel.producer;

import dev.lucidscim.plan.ChangePlan;
import org.apache.camel.Exchange;

/**
 * Applies a plan as {@code operation=apply} does (deletion breaker, {@code If-Match}, every write in the ledger under
 * the plan's id as run id), its report becoming the exchange's body: what revert hands its inverse plan to.
 */
@FunctionalInterface
public interface PlanApplication {

    void apply(ChangePlan plan, Exchange exchange) throws Exception;
}
