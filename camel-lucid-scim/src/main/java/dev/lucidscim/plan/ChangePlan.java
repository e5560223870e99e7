package dev.lucidscim.plan;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * Every write a run would make, as an artifact that can be stored, reviewed, approved and applied later
 * ({@code operation=apply}): each write holds the version of the resource it was planned against, so that applying
 * it changes nothing someone else changed meanwhile.
 *
 * @param id           the plan's id (a UUID); the run that applies it has this id as its run id
 * @param created      when it was planned: a plan older than {@code maxPlanAge} is refused
 * @param tenantHost   the tenant it was planned against: it is applied nowhere else
 * @param kind         {@code reconcile} or {@code revert}
 * @param rosterDigest SHA-256, hex, of the roster it was planned from (for a revert, of the run's ledger records)
 * @param reverts      the run a revert plan undoes, else null
 * @param changes      the writes, in the order they are applied
 * @param base         what the deletion breaker measures the plan's deactivations and removals against, as it was
 *                     when planned; null when unknown (then only {@code maxDeactivations} applies)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangePlan(String id,
                         @JsonSerialize(using = ToStringSerializer.class)
                         @JsonDeserialize(using = IsoInstantDeserializer.class) Instant created,
                         String tenantHost, String kind, String rosterDigest, String reverts,
                         List<PlannedChange> changes, BreakerBase base) {

    public ChangePlan {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** A plan without a breaker base. */
    public ChangePlan(String id, Instant created, String tenantHost, String kind, String rosterDigest,
                      String reverts, List<PlannedChange> changes) {
        this(id, created, tenantHost, kind, rosterDigest, reverts, changes, null);
    }

    /**
     * @param managedUsers the active users the run managed: the base of the deactivation percentage
     * @param memberships  the user memberships of the groups it writes: the base of the removal percentage
     */
    public record BreakerBase(int managedUsers, int memberships) {
    }
}
