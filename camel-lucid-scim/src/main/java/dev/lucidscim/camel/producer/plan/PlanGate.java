package dev.lucidscim.camel.producer.plan;

import java.util.Optional;
import java.util.function.Supplier;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.camel.producer.reconcile.ReconcileThresholdExceededException;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PendingPlans;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deletion breaker between a plan and its writes: a plan over a threshold is stored as pending
 * ({@link PendingPlans}) and the run fails with {@link ReconcileThresholdExceededException} naming the plan's id
 * (also in the {@code CamelLucidScimPlanId} header), so that a person can review it and approve or reject it. A dry
 * run's plan is not stored: it is already the body of its report.
 */
public final class PlanGate {

    private static final Logger LOG = LoggerFactory.getLogger(PlanGate.class);

    private final LucidScimConfiguration configuration;
    private final Supplier<PendingPlans> pendingPlans;

    public PlanGate(LucidScimConfiguration configuration, Supplier<PendingPlans> pendingPlans) {
        this.configuration = configuration;
        this.pendingPlans = pendingPlans;
    }

    /**
     * @param report what the failure shows of the plan
     * @param store  whether a tripped plan is stored as pending (not for a dry run)
     * @throws ReconcileThresholdExceededException when the plan is over a threshold: nothing was written
     */
    public void requireWithinThreshold(ChangePlan plan, Supplier<ReconcileReport> report, boolean store,
                                       Message message) {
        Optional<String> violation = DeletionBreaker.violation(plan, configuration);
        if (violation.isEmpty()) {
            return;
        }
        if (!store) {
            throw new ReconcileThresholdExceededException(violation.get(), report.get(), null);
        }
        pendingPlans.get().store(plan, violation.get());
        message.setHeader(LucidScimConstants.PLAN_ID, plan.id());
        LOG.warn("Plan {} tripped the deletion breaker and waits for approval: {}", plan.id(), violation.get());
        throw new ReconcileThresholdExceededException(violation.get() + ". The plan is stored as pending, id "
                                                      + plan.id() + ": review it, then send operation=approve (or "
                                                      + "reject) with header " + LucidScimConstants.PLAN_ID + "="
                                                      + plan.id(), report.get(), plan.id());
    }
}
