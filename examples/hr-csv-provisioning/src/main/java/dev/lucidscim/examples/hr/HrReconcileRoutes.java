package dev.lucidscim.examples.hr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.camel.producer.reconcile.ReconcileRoster;
import dev.lucidscim.camel.producer.reconcile.RosterGroup;
import dev.lucidscim.camel.producer.reconcile.ReconcileThresholdExceededException;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The HR feed in reconcile mode (the default): the whole export is the roster. Account holders are the people who
 * should have an active account, with their attributes and licences, their managers (by e-mail: reconcile creates
 * managers first and sets each manager in the same write) and their department groups (exactly the people of the
 * department; excluded groups are never touched). Managed Lucid users (those with an externalId, as the feed creates
 * them) missing from it are deactivated, unless that is more than the threshold, in which case nothing at all is
 * applied. Each run writes its report as an HTML page next to the rejected rows, and prints it as a table and as
 * the same {@code SUMMARY} line as the upsert mode.
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
                    .to("lucid-scim:users?operation=reconcile&managedUsers=withExternalId&dryRun=" + settings.dryRun()
                        + "&excludedGroups=RAW(" + String.join(",", settings.excludedGroups()) + ")"
                        + HrCsvProvisioningApp.STATE_OPTIONS)
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
        exchange.getMessage().setBody(roster(export));
    }

    /** Managers and members by e-mail (the userName): their Lucid ids are reconcile's business. */
    private ReconcileRoster roster(HrExport export) {
        List<HrRow> accountHolders = export.accountHolders();
        // leavers too, marked inactive: deactivated if Lucid has them active, else counted unchanged (as upsert does)
        List<ScimUser> users = new ArrayList<>();
        accountHolders.forEach(row -> users.add(mapper.toUser(row, email -> null)));
        export.leavers().forEach(row -> users.add(mapper.toUser(row, email -> null)));
        // as in the upsert mode, a manager is someone of the export who keeps an account
        Set<String> holders = accountHolders.stream().map(row -> row.email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, String> managers = new LinkedHashMap<>();
        Map<String, List<String>> departments = new TreeMap<>();
        for (HrRow row : accountHolders) {
            if (row.managerEmail() != null && holders.contains(row.managerEmail().toLowerCase(Locale.ROOT))) {
                managers.put(row.email(), row.managerEmail());
            }
            departments.computeIfAbsent(row.department(), name -> new ArrayList<>()).add(row.email());
        }
        List<RosterGroup> groups = departments.entrySet().stream()
                .map(department -> new RosterGroup(department.getKey(), department.getValue())).toList();
        return ReconcileRoster.of(users).withManagers(managers).withGroups(groups);
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
