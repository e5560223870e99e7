package dev.lucidscim.camel.producer;

import java.util.List;
import java.util.function.Supplier;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.camel.audit.AuditRecorder;
import dev.lucidscim.camel.producer.plan.AppliedChange;
import dev.lucidscim.camel.producer.plan.PlanApplier;
import dev.lucidscim.camel.producer.plan.PlanGate;
import dev.lucidscim.camel.producer.plan.PlanOrigin;
import dev.lucidscim.camel.producer.plan.PlanReports;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PendingPlans;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations on plans: apply (the body's plan, through the deletion breaker), approve (a pending plan, exactly as
 * stored, without the breaker: approving is what it waited for) and reject (a pending plan dropped). Each applied plan
 * goes through the {@link PlanApplier}, with If-Match and the age limit; the body becomes the apply report
 * ({@link ReconcileReport}: skipped writes as {@code SKIPPED}) and {@code CamelLucidScimRunId} the plan's id.
 */
final class PlanOperations {

    private static final Logger LOG = LoggerFactory.getLogger(PlanOperations.class);

    private final PlanApplier applier;
    private final PlanGate gate;
    private final Supplier<PendingPlans> pendingPlans;
    private final AttributeConvergence convergence;
    private final AuditRecorder recorder;

    /** @param recorder where decisions on pending plans are recorded, or null when the endpoint keeps no ledger */
    PlanOperations(PlanApplier applier, PlanGate gate, Supplier<PendingPlans> pendingPlans,
                   AttributeConvergence convergence, AuditRecorder recorder) {
        this.recorder = recorder;
        this.applier = applier;
        this.gate = gate;
        this.pendingPlans = pendingPlans;
        this.convergence = convergence;
    }

    void apply(Exchange exchange) throws InterruptedException {
        applyThroughBreaker(MessageInput.body(exchange, ChangePlan.class, LucidScimOperation.APPLY), exchange);
    }

    /** A plan applied as any plan is (apply, revert): through the deletion breaker, which stores it when tripped. */
    void applyThroughBreaker(ChangePlan plan, Exchange exchange) throws InterruptedException {
        gate.requireWithinThreshold(plan, () -> PlanReports.planned(plan, convergence.known()), true,
                exchange.getMessage());
        applyExactly(plan, exchange.getMessage());
    }

    void approve(Exchange exchange) throws InterruptedException {
        String planId = planId(exchange.getMessage(), LucidScimOperation.APPROVE);
        PendingPlans.PendingPlan stored = pendingPlans.get().find(planId).orElseThrow(() -> notPending(planId));
        // refused (too old, another tenant) while still pending, so that it can be rejected rather than lost
        applier.requireApplicable(stored.plan());
        // taken before it is applied: a second approval finds nothing, so a plan is never applied twice
        PendingPlans.PendingPlan pending = pendingPlans.get().take(planId).orElseThrow(() -> notPending(planId));
        LOG.info("Plan {} approved{}: applying its {} write(s)", planId, by(exchange.getMessage()),
                pending.plan().changes().size());
        recordDecision(planId, "approved", exchange.getMessage());
        applyExactly(pending.plan(), exchange.getMessage());
    }

    void reject(Exchange exchange) {
        String planId = planId(exchange.getMessage(), LucidScimOperation.REJECT);
        PendingPlans.PendingPlan pending = pendingPlans.get().drop(planId).orElseThrow(() -> notPending(planId));
        LOG.info("Plan {} rejected{}: dropped, nothing applied", planId, by(exchange.getMessage()));
        recordDecision(planId, "rejected", exchange.getMessage());
        exchange.getMessage().setBody(PlanReports.planned(pending.plan(), convergence.known()));
    }

    private void applyExactly(ChangePlan plan, Message message) throws InterruptedException {
        List<AppliedChange> outcomes = applier.apply(plan, PlanOrigin.STORED);
        ReconcileReport report = PlanReports.applied(plan, outcomes, convergence.known());
        LOG.info("Plan {} applied: {} write(s), {} failed, {} skipped", plan.id(), outcomes.size(),
                report.failures().size() + report.groupFailures().size(), report.skipped().size());
        message.setHeader(LucidScimConstants.RUN_ID, plan.id());
        message.setBody(report);
    }

    private static String planId(Message message, LucidScimOperation operation) {
        String planId = message.getHeader(LucidScimConstants.PLAN_ID, String.class);
        if (planId == null || planId.isBlank()) {
            throw ScimValidationException.beforeRequest("Operation " + operation + " needs the id of a pending plan "
                                                        + "in the " + LucidScimConstants.PLAN_ID + " header");
        }
        return planId.strip();
    }

    /** In the ledger, when the endpoint keeps one: who let which plan through, or stopped it. */
    private void recordDecision(String planId, String decision, Message message) {
        if (recorder != null) {
            String who = message.getHeader(LucidScimConstants.APPROVED_BY, String.class);
            recorder.decided(planId, decision, who == null || who.isBlank() ? null : who.strip());
        }
    }

    private static String by(Message message) {
        String who = message.getHeader(LucidScimConstants.APPROVED_BY, String.class);
        return who == null || who.isBlank() ? "" : " by " + OneLine.quoted(who);
    }

    private ScimValidationException notPending(String planId) {
        return ScimValidationException.beforeRequest("No pending plan " + OneLine.quoted(planId) + ": it was "
                                                     + "approved or rejected already, or never stored in this "
                                                     + "endpoint's state repository; pending now: "
                                                     + pendingPlans.get().pending().stream()
                                                             .map(pending -> pending.plan().id()).toList());
    }
}
