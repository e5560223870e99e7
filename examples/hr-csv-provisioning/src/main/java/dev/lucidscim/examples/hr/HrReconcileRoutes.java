package dev.lucidscim.examples.hr;

import java.nio.file.Path;
import java.util.List;

import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.camel.producer.reconcile.ReconcileThresholdExceededException;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The HR feed in reconcile mode: the whole export is the roster. Account holders are the people who should have an
 * active account; managed Lucid users (those with an externalId, as the feed creates them) missing from it are
 * deactivated, unless that is more than the threshold, in which case nothing at all is applied. Each run writes its
 * report as an HTML page next to the rejected rows, and prints it as a table.
 */
public class HrReconcileRoutes extends RouteBuilder {

    private static final String EXPORT = "hrExport";

    private final HrSettings settings;
    private final HrUserMapper mapper;
    private final String target;
    private final HrFeedListener<ReconcileReport> listener;

    public HrReconcileRoutes(HrSettings settings, String target, HrFeedListener<ReconcileReport> listener) {
        this.settings = settings;
        this.mapper = new HrUserMapper(settings.manageLicenses());
        this.target = target;
        this.listener = listener;
    }

    @Override
    public void configure() {
        HrInbox.from(this, settings, "hr-reconcile-file", listener)
                .process(this::readRoster)
                .doTry()
                    .to("lucid-scim:users?operation=reconcile&managedUsers=withExternalId&dryRun=" + settings.dryRun())
                    .process(exchange -> listener.fileDone(publish(exchange,
                            exchange.getMessage().getBody(ReconcileReport.class))))
                .doCatch(ReconcileThresholdExceededException.class)
                    .process(exchange -> {
                        ReconcileThresholdExceededException tripped = exchange.getProperty(
                                Exchange.EXCEPTION_CAUGHT, ReconcileThresholdExceededException.class);
                        publish(exchange, tripped.getPlan());
                        throw tripped;
                    })
                .end();
    }

    private void readRoster(Exchange exchange) throws Exception {
        HrExport export = HrInbox.read(exchange);
        if (!export.rejected().isEmpty()) {
            RejectedRowsFile.write(settings.errorFolder(), export);
        }
        exchange.setProperty(EXPORT, export);
        // Managers are not set here: their Lucid ids are only known once they exist (the upsert mode sets them).
        List<ScimUser> roster = export.accountHolders().stream().map(row -> mapper.toUser(row, email -> null))
                .toList();
        exchange.getMessage().setBody(roster);
    }

    private ReconcileReport publish(Exchange exchange, ReconcileReport report) throws Exception {
        HrExport export = exchange.getProperty(EXPORT, HrExport.class);
        Path page = ReconcileReportPage.write(settings.errorFolder(), export.fileName(), report);
        System.out.println("\nHR reconcile of " + OneLine.of(export.fileName()) + " -> " + target + "\n"
                           + report.toTable()
                           + (export.rejected().isEmpty() ? "" : "Rejected before any request: "
                                                                 + export.rejected().size() + " row(s)\n")
                           + "Report: " + page + "\n" + summaryLine(report));
        return report;
    }

    /** One line for scripts, like the upsert mode's SUMMARY. */
    static String summaryLine(ReconcileReport report) {
        StringBuilder line = new StringBuilder("RECONCILE applied=" + report.applied());
        report.actionCounts().forEach((action, count) -> line.append(' ').append(action.name().toLowerCase())
                .append('=').append(count));
        return line.append(" failed=").append(report.failures().size()).toString();
    }
}
