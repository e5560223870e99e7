package dev.lucidscim.camel.producer;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.plan.RevertPlanner;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revert operation: the run named by the {@code CamelLucidScimRunId} header, read from the {@code auditLedger},
 * and its inverse plan ({@link RevertPlanner}); with {@code dryRun=true} the plan is the body and nothing is written,
 * else it is applied ({@link PlanApplication}) under its own id as run id, which is set as the out header. What the
 * plan cannot undo is logged at WARN.
 */
final class RunRevert {

    private static final Logger LOG = LoggerFactory.getLogger(RunRevert.class);

    private final LucidScimConfiguration configuration;
    private final PlanApplication application;
    private final Clock clock;

    RunRevert(LucidScimConfiguration configuration, PlanApplication application, Clock clock) {
        this.configuration = configuration;
        this.application = application;
        this.clock = clock;
    }

    void revert(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String runId = message.getHeader(LucidScimConstants.RUN_ID, String.class);
        if (runId == null || runId.isBlank()) {
            throw ScimValidationException.beforeRequest("revert needs the run to undo: set the CamelLucidScimRunId "
                                                        + "header to its id (reconcile sets it as an out header)");
        }
        AuditLedger ledger = configuration.getAuditLedger();
        if (ledger == null) {
            throw ScimValidationException.beforeRequest("revert reads the run's writes from the audit ledger, and "
                                                        + "this endpoint has none: set auditLedger");
        }
        List<AuditRecord> records = ledger.recordsOfRun(runId.strip());
        if (records.isEmpty()) {
            throw ScimValidationException.beforeRequest("Run " + OneLine.quoted(runId) + " is not in the audit "
                                                        + "ledger: it wrote nothing, or its id is not that of a run");
        }
        RevertPlanner.Result reverse = RevertPlanner.plan(runId.strip(), records,
                configuration.getDialect().memberRemoval(), UUID.randomUUID().toString(), clock.instant());
        reverse.notUndone().forEach(why -> LOG.warn("Revert of run {}: not undone: {}", runId, why));
        if (configuration.isDryRun()) {
            LOG.info("Revert dry run of run {}: {} write(s) planned, nothing applied", runId,
                    reverse.plan().changes().size());
            message.setBody(reverse.plan());
            return;
        }
        application.apply(reverse.plan(), exchange);
        message.setHeader(LucidScimConstants.RUN_ID, reverse.plan().id());
    }
}
