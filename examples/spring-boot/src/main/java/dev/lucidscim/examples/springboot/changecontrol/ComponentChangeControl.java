package dev.lucidscim.examples.springboot.changecontrol;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.audit.AuditRun;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PendingPlans.PendingPlan;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's {@link ChangeControl} through the lucid-scim component: the writes are its producer operations
 * ({@code approve}, {@code reject}, {@code revert}, so they go through its breaker, {@code If-Match} and audit ledger
 * like any other), the reads are the ledger the component records into and its store of pending plans.
 */
public class ComponentChangeControl implements ChangeControl {

    /** The endpoint whose pending plans the page shows; the operations' endpoints share its state repository. */
    static final String USERS = "lucid-scim:users";
    /** Enough to find last week's runs; older ones are in the ledger itself. */
    static final int RUNS_SHOWN = 200;

    private static final Logger LOG = LoggerFactory.getLogger(ComponentChangeControl.class);

    private final ProducerTemplate producer;
    private final AuditLedger ledger;
    private final Supplier<List<PendingPlan>> pendingPlans;

    /**
     * @param ledger       the ledger the component is configured with ({@code auditLedger})
     * @param pendingPlans the component's pending plans ({@code LucidScimEndpoint#pendingPlans()} of {@link #USERS})
     */
    public ComponentChangeControl(ProducerTemplate producer, AuditLedger ledger,
                                  Supplier<List<PendingPlan>> pendingPlans) {
        this.producer = producer;
        this.ledger = ledger;
        this.pendingPlans = pendingPlans;
    }

    @Override
    public List<AuditRun> runs() {
        return ledger.runs(RUNS_SHOWN);
    }

    @Override
    public List<AuditRecord> recordsOfRun(String runId) {
        return ledger.recordsOfRun(runId);
    }

    @Override
    public List<PendingPlan> pendingPlans() {
        return pendingPlans.get();
    }

    @Override
    public String approve(String planId, String approver) {
        LOG.info("{} approves plan {}", approver, planId);
        return send("approving plan " + planId, USERS + "?operation=approve", Map.of(
                LucidScimConstants.PLAN_ID, planId, LucidScimConstants.APPROVED_BY, approver))
                .getMessage().getHeader(LucidScimConstants.RUN_ID, String.class);
    }

    @Override
    public void reject(String planId, String rejecter) {
        LOG.info("{} rejects plan {}", rejecter, planId);
        send("rejecting plan " + planId, USERS + "?operation=reject", Map.of(
                LucidScimConstants.PLAN_ID, planId, LucidScimConstants.APPROVED_BY, rejecter));
    }

    @Override
    public ChangePlan revertDryRun(String runId) {
        String what = "planning the revert of run " + runId;
        Exchange planned = send(what, USERS + "?operation=revert&dryRun=true",
                Map.of(LucidScimConstants.RUN_ID, runId));
        try {
            return planned.getMessage().getMandatoryBody(ChangePlan.class);
        } catch (InvalidPayloadException notAPlan) {
            throw new ChangeControlFailure(what + " gave no plan: " + notAPlan.getMessage(), notAPlan);
        }
    }

    @Override
    public String revert(String runId) {
        LOG.info("reverting run {}", runId);
        return send("reverting run " + runId, USERS + "?operation=revert", Map.of(LucidScimConstants.RUN_ID, runId))
                .getMessage().getHeader(LucidScimConstants.RUN_ID, String.class);
    }

    private Exchange send(String what, String uri, Map<String, String> headers) {
        Exchange exchange = producer.send(uri, request -> headers.forEach(request.getMessage()::setHeader));
        if (exchange.getException() != null) {
            throw new ChangeControlFailure(what + " failed: " + exchange.getException().getMessage(),
                    exchange.getException());
        }
        return exchange;
    }
}
