package dev.lucidscim.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One write the component made (or tried), as the audit ledger keeps it; records are chained: each holds the hash of
 * the one before it in the ledger and its own hash over every other field ({@code AuditChain}).
 *
 * @param sequence     the record's place in the ledger, from 1, with no gap
 * @param time         when the answer came (or the write failed)
 * @param tenantHost   the tenant's host (and port when not the default): which directory was written
 * @param operation    the producer operation that wrote ({@code reconcile}, {@code upsert}, {@code apply},
 *                     {@code revert}, {@code patch}, ...)
 * @param resourceType {@code User} or {@code Group}
 * @param resourceId   the Lucid id (for a create, the id Lucid gave; null when a create failed)
 * @param name         the userName or displayName
 * @param method       the HTTP method ({@code POST}, {@code PATCH}, {@code PUT}, {@code DELETE})
 * @param changes      the attributes changed, with their values before and after
 * @param outcome      what came of it: {@code created}, {@code updated}, {@code deactivated}, {@code reactivated},
 *                     {@code deleted}, {@code membersChanged}, {@code skipped} (a precondition failed) or
 *                     {@code failed}
 * @param status       the HTTP status of the answer (0 when none came)
 * @param version      the resource's version after the write ({@code ETag} / {@code meta.version}), when the answer
 *                     gave one: a revert is planned against it
 * @param detail       the SCIM detail or error of a failed or skipped write, else null
 * @param runId        the run (a reconcile run, an applied plan, a revert) the write belongs to; for a single
 *                     operation its exchange's run id header, else the exchange id
 * @param planId       the plan applied, or null
 * @param exchangeId   the Camel exchange that wrote
 * @param previousHash the hash of the record before (empty for the first)
 * @param hash         SHA-256, hex, over the record's canonical JSON without this field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditRecord(long sequence, Instant time, String tenantHost, String operation, String resourceType,
                          String resourceId, String name, String method, List<AttributeChange> changes,
                          String outcome, int status, String version, String detail, String runId, String planId,
                          String exchangeId, String previousHash, String hash) {

    public AuditRecord {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
