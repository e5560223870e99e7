package dev.lucidscim.camel.audit;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.audit.AuditChain;
import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.audit.WriteChanges;
import dev.lucidscim.client.ResourceBefore;
import dev.lucidscim.client.ScimWrite;
import dev.lucidscim.client.WriteObserver;
import dev.lucidscim.client.WriteRequest;
import dev.lucidscim.error.ScimException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every write of an endpoint's client: the one place that decides what a record holds. Values before a PUT,
 * PATCH or DELETE come from what the operation already read ({@link AuditScope#knowBefore}: reconcile's listing,
 * upsert's match) or else from one GET before the write; a membership PATCH needs none. Each record is chained in
 * the {@code auditLedger} (without one, after the last record this endpoint chained since it started) and then sent
 * to the {@code auditEndpoint}. The write has happened when its record is made: a record that cannot be stored or
 * sent does not undo it nor fail the exchange; it is logged at ERROR (without the record's values) and counted.
 */
public final class AuditRecorder implements WriteObserver {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);

    private final String tenantHost;
    private final AuditLedger ledger;
    private final AuditEndpointSink sink;
    private final Clock clock;
    private final AtomicLong failures = new AtomicLong();
    /** Without a ledger: the last record chained, to chain the next after it. */
    private AuditRecord last;

    /**
     * @param ledger where records are chained and kept, or null
     * @param sink   where each record goes once chained, or null
     */
    public AuditRecorder(String tenantHost, AuditLedger ledger, AuditEndpointSink sink, Clock clock) {
        this.tenantHost = tenantHost;
        this.ledger = ledger;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public ResourceBefore before(WriteRequest request, Supplier<JsonNode> reader) {
        if (request.method().equals("POST") || WriteChanges.toldByOperations(request)) {
            return ResourceBefore.NOT_NEEDED;
        }
        JsonNode known = AuditScope.current().takeKnownBefore(request.resourceType(), request.id());
        if (known != null) {
            return ResourceBefore.known(known);
        }
        try {
            return ResourceBefore.known(reader.get());
        } catch (ScimException e) {
            return ResourceBefore.unknown("reading it before the write failed (status " + e.getStatus() + ")");
        }
    }

    @Override
    public void written(ScimWrite write) {
        AuditRecord unchained = record(write, AuditScope.current());
        store(unchained, write.request().method() + " " + write.request().resourceType());
    }

    /**
     * Records a decision on a pending plan, {@code approved} or {@code rejected}, as a record of resource type
     * {@code Plan} whose name is who decided (null when not told): the ledger shows who let which plan through.
     */
    public void decided(String planId, String decision, String decidedBy) {
        AuditScope scope = AuditScope.current();
        store(new AuditRecord(0, clock.instant(), tenantHost, scope.operation(), "Plan", planId, decidedBy, null,
                List.of(), decision, 0, null, null, planId, planId, scope.exchangeId(), null, null), "decision on Plan");
    }

    private void store(AuditRecord unchained, String what) {
        try {
            synchronized (this) {
                // chained and sent under one lock, so that the endpoint receives the records in ledger order
                AuditRecord chained = ledger != null ? ledger.append(unchained) : AuditChain.chain(unchained, last);
                last = chained;
                if (sink != null) {
                    sink.send(chained);
                }
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("The audit record of {} {} (run {}) could not be stored or sent: {}", what,
                    unchained.resourceId(), unchained.runId(), e.toString());
        }
    }

    /** How many records could not be stored or sent. */
    public long failures() {
        return failures.get();
    }

    private AuditRecord record(ScimWrite write, AuditScope scope) {
        WriteRequest request = write.request();
        JsonNode before = write.before().resource();
        List<AttributeChange> changes = WriteChanges.of(request, before, write.answered());
        String id = request.id() != null ? request.id() : text(write.answered(), "id");
        return new AuditRecord(0, clock.instant(), tenantHost, scope.operation(), request.resourceType(), id,
                name(write), request.method(), changes, outcome(write, changes), write.status(), version(write),
                detail(write), scope.runId() != null ? scope.runId() : scope.exchangeId(), scope.planId(),
                scope.exchangeId(), null, null);
    }

    private static String outcome(ScimWrite write, List<AttributeChange> changes) {
        if (write.failed()) {
            // 412: the resource changed since its version was read (a plan applied with If-Match)
            return write.status() == 412 ? "skipped" : "failed";
        }
        switch (write.request().method()) {
            case "POST":
                return "created";
            case "DELETE":
                return "deleted";
            default:
                break;
        }
        for (AttributeChange change : changes) {
            if (change.path().equals("active") && change.after() != null && change.after().isBoolean()) {
                return change.after().booleanValue() ? "reactivated" : "deactivated";
            }
        }
        boolean membersOnly = !changes.isEmpty() && changes.stream()
                .allMatch(change -> change.path().startsWith("members["));
        return membersOnly ? "membersChanged" : "updated";
    }

    private static String name(ScimWrite write) {
        for (JsonNode resource : new JsonNode[] {write.answered(), write.request().sent(), write.before().resource()}) {
            String name = text(resource, "userName");
            name = name != null ? name : text(resource, "displayName");
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static String version(ScimWrite write) {
        return write.etag() != null ? write.etag()
                : write.answered() == null ? null : text(write.answered().path("meta"), "version");
    }

    private static String detail(ScimWrite write) {
        if (write.failed()) {
            ScimException failure = write.failure();
            return failure.getDetail() != null ? failure.getDetail() : failure.getMessage();
        }
        String unknown = write.before().unknown();
        return unknown == null ? null : "values before unknown: " + unknown;
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.path(field).isTextual() ? null : node.get(field).asText();
    }
}
