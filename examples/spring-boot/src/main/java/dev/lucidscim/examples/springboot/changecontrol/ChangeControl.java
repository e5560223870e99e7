package dev.lucidscim.examples.springboot.changecontrol;

import java.util.List;

import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.audit.AuditRun;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PendingPlans.PendingPlan;

/**
 * What the change-control page reads and does: the audit ledger's runs and records, the plans waiting for approval,
 * and the writes an approver decides (approve, reject, revert). {@link ComponentChangeControl} does it through the
 * lucid-scim component; the page knows nothing else of it.
 */
public interface ChangeControl {

    /** The runs, newest first, with how many writes ended with each outcome. */
    List<AuditRun> runs();

    /** The ledger records of one run, in ledger order; empty when the run is unknown. */
    List<AuditRecord> recordsOfRun(String runId);

    /** The plans a tripped deletion breaker stored instead of applying them, oldest first. */
    List<PendingPlan> pendingPlans();

    /**
     * Applies exactly the stored plan and drops it from the pending ones.
     *
     * @param approver who decided: the ledger records it with the decision
     * @return the id of the run that applied it
     */
    String approve(String planId, String approver);

    /** Drops the stored plan: nothing is written to Lucid; the ledger records who rejected it. */
    void reject(String planId, String rejecter);

    /** The plan that would undo a run, writing nothing: what the approver confirms. */
    ChangePlan revertDryRun(String runId);

    /**
     * Undoes a run: plans its inverse again and applies it, with the same preconditions as any plan.
     *
     * @return the id of the run that reverted it
     */
    String revert(String runId);
}
