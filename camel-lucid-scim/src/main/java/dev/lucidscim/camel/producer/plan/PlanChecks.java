package dev.lucidscim.camel.producer.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.lucidscim.error.OneLine;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.Passwords;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PlannedChange;

/**
 * What makes a plan applicable here and now, checked before any request: it was planned against this tenant, it is
 * not older than {@code maxPlanAge} (the world moves: an old plan would mostly be skipped, or undo later decisions),
 * every write is one this component knows, and it holds no password (plans are stored; see
 * {@code ChangePlanBuilder}).
 */
final class PlanChecks {

    private PlanChecks() {
    }

    static void requireApplicable(ChangePlan plan, String tenantHost, Duration maxAge, Instant now) {
        List<String> problems = new ArrayList<>();
        if (plan.id() == null || plan.id().isBlank()) {
            problems.add("the plan has no id");
        }
        if (!tenantHost.equalsIgnoreCase(String.valueOf(plan.tenantHost()))) {
            problems.add("the plan was made for the tenant " + OneLine.quoted(String.valueOf(plan.tenantHost()))
                         + ", not for this endpoint's " + OneLine.quoted(tenantHost) + ": apply it through an "
                         + "endpoint of that tenant");
        }
        if (plan.created() == null) {
            problems.add("the plan has no creation time");
        } else if (plan.created().plus(maxAge).isBefore(now)) {
            problems.add("the plan was made at " + plan.created() + ", more than maxPlanAge=" + maxAge
                         + " ago: make a new plan (a dry run) from the current state, or raise maxPlanAge");
        }
        for (PlannedChange change : plan.changes()) {
            String problem = problemWith(change);
            if (problem != null) {
                problems.add(OneLine.quoted(String.valueOf(change.name())) + ": " + problem);
            }
        }
        if (!Passwords.in(ScimJson.toTree(plan)).isEmpty()) {
            problems.add("the plan holds a password: plans are stored and must not; remove it, and set the "
                         + "password by operation=patch");
        }
        if (!problems.isEmpty()) {
            throw ScimValidationException.beforeRequest(problems);
        }
    }

    private static String problemWith(PlannedChange change) {
        boolean user = "User".equals(change.resourceType());
        if (!user && !"Group".equals(change.resourceType())) {
            return "resourceType must be User or Group, not " + OneLine.quoted(String.valueOf(change.resourceType()));
        }
        List<String> actions = user ? List.of("create", "update", "reactivate", "deactivate")
                : List.of("create", "update");
        if (!actions.contains(change.action())) {
            return "the action of a " + change.resourceType() + " must be one of " + actions + ", not "
                   + OneLine.quoted(String.valueOf(change.action()));
        }
        if (change.action().equals("create")) {
            return change.resource() == null || !change.resource().isObject()
                    ? "a create needs the resource to POST" : null;
        }
        if (change.id() == null || change.id().isBlank()) {
            return "a " + change.action() + " needs the id of the resource";
        }
        return change.operations().isEmpty() && change.pendingMembers().isEmpty() && change.pendingManager() == null
                ? "a " + change.action() + " needs the PATCH operations to send" : null;
    }
}
