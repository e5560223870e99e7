package dev.lucidscim.camel.producer.reconcile;

import dev.lucidscim.error.FailedRequest;
import dev.lucidscim.error.ScimException;

/**
 * The deletion circuit breaker tripped: the plan would deactivate more managed users than the threshold allows, so
 * nothing at all was applied. {@link #getPlan()} holds what would have been done, for a person to review, and
 * {@link #getPlanId()} the id under which the plan waits for approval ({@code operation=approve}), when it was stored.
 */
public class ReconcileThresholdExceededException extends ScimException {

    private final transient ReconcileReport plan;
    private final String planId;

    /** @param planId the id of the plan stored as pending, or null (a dry run's) */
    public ReconcileThresholdExceededException(String message, ReconcileReport plan, String planId) {
        super(message, FailedRequest.NOTHING_WRITTEN, null);
        this.plan = plan;
        this.planId = planId;
    }

    /** The id of the plan waiting for approval, or null when it was not stored. */
    public String getPlanId() {
        return planId;
    }

    public ReconcileReport getPlan() {
        return plan;
    }
}
