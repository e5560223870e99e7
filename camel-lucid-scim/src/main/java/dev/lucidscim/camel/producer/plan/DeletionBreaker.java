package dev.lucidscim.camel.producer.plan;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PlannedChange;

/**
 * The deletion circuit breaker: too many deactivations, or too many people who keep their account removed from
 * the plan's groups (in Lucid, org-group membership grants licences), and nothing at all is applied. Checked on the
 * whole plan, before any write, whether reconcile made it now or it is applied later; measured against what the
 * plan was made from ({@link ChangePlan#base()}), and without a base only against {@code maxDeactivations}.
 */
public final class DeletionBreaker {

    private DeletionBreaker() {
    }

    /** Why the plan must not be applied without an approval, or empty when it is within the thresholds. */
    public static Optional<String> violation(ChangePlan plan, LucidScimConfiguration configuration) {
        Set<String> deactivated = plan.changes().stream().filter(DeletionBreaker::isDeactivation)
                .map(PlannedChange::id).collect(Collectors.toSet());
        long deactivations = deactivated.size();
        int managedUsers = plan.base() == null ? 0 : plan.base().managedUsers();
        double percent = percent(deactivations, managedUsers);
        Integer maxCount = configuration.getMaxDeactivations();
        double maxPercent = plan.base() == null ? -1 : configuration.getMaxDeactivationPercent();
        boolean overCount = maxCount != null && deactivations > maxCount;
        boolean overPercent = maxPercent >= 0 && percent > maxPercent && deactivations > 0;
        if (overCount || overPercent) {
            return Optional.of(String.format(
                    "Reconcile would deactivate %d of %d managed users (%.1f%%), more than %s allows: nothing was "
                    + "applied. Check the roster (a truncated export?), or raise the threshold if this is meant",
                    deactivations, managedUsers, percent,
                    overCount ? "maxDeactivations=" + maxCount : "maxDeactivationPercent=" + maxPercent));
        }
        // the removals of people deactivated by this plan follow from their deactivation, counted above
        long removals = plan.changes().stream().filter(change -> change.resourceType().equals("Group"))
                .flatMap(change -> change.changes().stream())
                .filter(member -> member.before() != null && member.after() == null)
                .filter(member -> deactivated.stream().noneMatch(id -> AttributeChange.memberPath(id)
                        .equals(member.path())))
                .count();
        int memberships = plan.base() == null ? 0 : plan.base().memberships();
        double removedPercent = percent(removals, memberships);
        if (maxPercent >= 0 && removals > 0 && removedPercent > maxPercent) {
            return Optional.of(String.format(
                    "Reconcile would remove %d of the %d members of the roster's groups (%.1f%%) who keep their "
                    + "account, more than "
                    + "maxDeactivationPercent=%s allows: nothing was applied. Check the roster's groups (a "
                    + "truncated export?), or raise the threshold if this is meant",
                    removals, memberships, removedPercent, maxPercent));
        }
        return Optional.empty();
    }

    private static boolean isDeactivation(PlannedChange change) {
        return change.resourceType().equals("User") && change.action().equals("deactivate");
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
