package dev.lucidscim.camel.producer.plan;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.model.AttributePath;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.plan.PlannedChange;

/**
 * Whether a planned write may go, and with which {@code If-Match}: where the tenant advertises ETags and the plan
 * knows the version, the write carries it and the tenant decides (412: skipped). Otherwise the resource is read
 * first (for a stored plan, {@link PlanOrigin}): a version other than the planned one, or (without one) a planned
 * {@code before} value it no longer has, skips the write. A create has no precondition: a resource created meanwhile makes it fail as a conflict.
 */
final class Preconditions {

    /** What to send: the If-Match (or null), or why the write is skipped. */
    record Decision(String ifMatch, String skipReason) {
        static Decision go(String ifMatch) {
            return new Decision(ifMatch, null);
        }

        boolean skipped() {
            return skipReason != null;
        }
    }

    private final ScimResourceClient<ScimUser> users;
    private final ScimResourceClient<ScimGroup> groups;
    private final TenantVersions versions;

    Preconditions(ScimResourceClient<ScimUser> users, ScimResourceClient<ScimGroup> groups, TenantVersions versions) {
        this.users = users;
        this.groups = groups;
        this.versions = versions;
    }

    /** @throws dev.lucidscim.error.ScimException when the resource cannot be read (404: it is gone) */
    Decision decide(PlannedChange change, PlanOrigin origin) {
        if (change.action().equals("create")) {
            return Decision.go(null);
        }
        boolean etags = versions.advertised();
        if (etags && change.version() != null) {
            return Decision.go(change.version());
        }
        if (origin == PlanOrigin.THIS_RUN) {
            return Decision.go(null);
        }
        ScimResource current = (change.resourceType().equals("User") ? users : groups).get(change.id()).resource();
        String currentVersion = current.meta() == null ? null : current.meta().version();
        if (change.version() != null && currentVersion != null) {
            return change.version().equals(currentVersion) ? Decision.go(null)
                    : new Decision(null, "changed at Lucid since it was planned (version " + OneLine.quoted(
                            change.version()) + ", now " + OneLine.quoted(currentVersion) + "): not written");
        }
        String moved = firstMovedValue(change, ScimJson.toTree(current));
        // the version just read narrows the window to the write itself, where the tenant checks it
        return moved != null ? new Decision(null, moved) : Decision.go(etags ? currentVersion : null);
    }

    /** The first planned before-value the resource no longer has, as a reason, or null. */
    private static String firstMovedValue(PlannedChange change, JsonNode current) {
        boolean reactivation = change.action().equals("reactivate");
        for (AttributeChange planned : change.changes()) {
            // of a deactivated account, the plan knows only that it is deactivated
            if (reactivation && !planned.path().equals("active")) {
                continue;
            }
            boolean member = planned.path().startsWith("members[");
            JsonNode now = member ? memberIn(current, planned.path()) : AttributePath.of(planned.path())
                    .valueIn(current);
            boolean same = member ? (now != null) == (planned.before() != null)
                    : Objects.equals(normalized(now), normalized(planned.before()));
            if (!same) {
                return "changed at Lucid since it was planned (" + OneLine.quoted(planned.path()) + " was "
                       + OneLine.of(String.valueOf(planned.before())) + ", is " + OneLine.of(String.valueOf(now))
                       + "): not written";
            }
        }
        return null;
    }

    private static JsonNode memberIn(JsonNode group, String memberPath) {
        for (JsonNode member : group.path("members")) {
            if (AttributeChange.memberPath(member.path("value").asText()).equals(memberPath)) {
                return member;
            }
        }
        return null;
    }

    private static JsonNode normalized(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }
}
