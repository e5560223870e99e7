package dev.lucidscim.camel.producer.reconcile;

import dev.lucidscim.camel.LucidScimConfiguration;

/**
 * The deletion circuit breaker: too many deactivations, or too many people who keep their account removed from
 * the roster's groups (in Lucid, org-group membership grants licences), and nothing at all is applied. Checked on the
 * whole plan, before any write.
 */
final class DeletionBreaker {

    private DeletionBreaker() {
    }

    static void requireWithinThreshold(ReconcilePlan plan, ReconcileReport planned,
                                       LucidScimConfiguration configuration) {
        long deactivations = plan.deactivations();
        double percent = percent(deactivations, plan.managedUsers());
        Integer maxCount = configuration.getMaxDeactivations();
        double maxPercent = configuration.getMaxDeactivationPercent();
        boolean overCount = maxCount != null && deactivations > maxCount;
        boolean overPercent = maxPercent >= 0 && percent > maxPercent && deactivations > 0;
        if (overCount || overPercent) {
            throw new ReconcileThresholdExceededException(String.format(
                    "Reconcile would deactivate %d of %d managed users (%.1f%%), more than %s allows: nothing was "
                    + "applied. Check the roster (a truncated export?), or raise the threshold if this is meant",
                    deactivations, plan.managedUsers(), percent,
                    overCount ? "maxDeactivations=" + maxCount : "maxDeactivationPercent=" + maxPercent), planned);
        }
        long removals = plan.memberRemovals();
        double removedPercent = percent(removals, plan.membershipsBefore());
        if (maxPercent >= 0 && removals > 0 && removedPercent > maxPercent) {
            throw new ReconcileThresholdExceededException(String.format(
                    "Reconcile would remove %d of the %d members of the roster's groups (%.1f%%) who keep their "
                    + "account, more than "
                    + "maxDeactivationPercent=%s allows: nothing was applied. Check the roster's groups (a "
                    + "truncated export?), or raise the threshold if this is meant",
                    removals, plan.membershipsBefore(), removedPercent, maxPercent), planned);
        }
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
