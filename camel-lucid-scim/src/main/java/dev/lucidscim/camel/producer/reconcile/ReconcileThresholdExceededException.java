package dev.lucidscim.camel.producer.reconcile;

import dev.lucidscim.error.FailedRequest;
import dev.lucidscim.error.ScimException;

/**
 * The deletion circuit breaker tripped: the plan would deactivate more managed users than the threshold allows, so
 * nothing at all was applied. {@link #getPlan()} holds what would have been done, for a person to review.
 */
public class ReconcileThresholdExceededException extends ScimException {

    private final transient ReconcileReport plan;

    public ReconcileThresholdExceededException(String message, ReconcileReport plan) {
        super(message, FailedRequest.NOTHING_WRITTEN, null);
        this.plan = plan;
    }

    public ReconcileReport getPlan() {
        return plan;
    }
}
