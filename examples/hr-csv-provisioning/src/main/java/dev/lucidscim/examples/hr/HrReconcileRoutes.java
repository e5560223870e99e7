package dev.lucidscim.examples.hr;

import java.nio.file.Path;

import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.camel.producer.reconcile.ReconcileThresholdExceededException;
import dev.lucidscim.error.OneLine;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The HR feed in reconcile mode (the default): the whole export is the roster. Account holders are the people who
 * should have an active account, with their attributes and licences, their managers (by e-mail: reconcile creates
 * managers first and sets each manager in the same write) and their department groups (exactly the people of the
 * department; excluded groups are never touched), and with licence groups ({@link LicenseGroups}) each product's
 * group with exactly its licensees. Managed Lucid users (those with an externalId, as the feed creates
 * them) missing from it are deactivated, unless that is more than the threshold, in which case nothing at all is
 * applied. Each run writes its report as an HTML page next to the rejected rows, and prints it as a table and as
 * the same {@code SUMMARY} line as the upsert mode.
 */
public class HrReconcileRoutes extends RouteBuilder {

    private static final String EXPORT = "hrExport";
    /**
     * Writes in flight: twice the component's default, since the main job paces its requests at the tenant's rate
     * ({@code LucidTarget}): paced at 25/s against a 150 ms tenant, 8 writes in flight ran a 10,000-user reconcile
     * within 4% of its physical minimum, 4 within 10% (rate x latency = 3.75 leaves 4 no room for jitter).
     */
    static final int WRITES_IN_FLIGHT = 8;

    private final HrSettings settings;
    private final HrUserMapper mapper;
    private final String target;
    private final HrFeedListener<ReconcileReport> listener;

    public HrReconcileRoutes(HrSettings settings, String target, HrFeedListener<ReconcileReport> listener) {
        this.settings = settings;
        this.mapper = new HrUserMapper(settings.writesUserLicenses());
        this.target = target;
        this.listener = listener;
    }

    @Override
    public void configure() {
        HrInbox.from(this, settings, "hr-reconcile-file", listener)
                .process(this::readRoster)
                .doTry()
                    .to(reconcileUri(settings) + HrCsvProvisioningApp.STATE_OPTIONS)
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
        exchange.getMessage().setBody(HrRoster.of(export, mapper, settings.grantingGroups()));
    }

    /** The reconcile endpoint: users the feed created (with an externalId) are managed, excluded groups untouched. */
    public static String reconcileUri(HrSettings settings) {
        return "lucid-scim:users?operation=reconcile&managedUsers=withExternalId&reconcileConcurrency="
               + WRITES_IN_FLIGHT + "&dryRun=" + settings.dryRun()
               + "&excludedGroups=RAW(" + String.join(",", settings.excludedGroups()) + ")";
    }

    private ReconcileReport publish(Exchange exchange, ReconcileReport report) throws Exception {
        HrExport export = exchange.getProperty(EXPORT, HrExport.class);
        Path page = ReconcileReportPage.write(settings.errorFolder(), export.fileName(), report);
        System.out.println("\nHR reconcile of " + OneLine.of(export.fileName()) + " -> " + target + "\n"
                           + report.toTable()
                           + (export.rejected().isEmpty() ? "" : "Rejected before any request: "
                                                                 + export.rejected().size() + " row(s)\n")
                           + "Report: " + page + "\n" + FeedCounts.of(report, export.rejected().size()).summaryLine());
        return report;
    }
}
