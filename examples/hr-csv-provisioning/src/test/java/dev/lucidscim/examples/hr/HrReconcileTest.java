package dev.lucidscim.examples.hr;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.producer.reconcile.ReconcileAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.camel.producer.reconcile.ReconcileThresholdExceededException;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HR feed's reconcile mode: the sample export as the roster, against the seeded simulator. */
class HrReconcileTest {

    @TempDir
    Path work;
    private LucidTarget target;
    private LucidScimSimulator lucid;
    private HrExport export;

    @BeforeEach
    void start() throws Exception {
        target = LucidTarget.simulated(HrCsvProvisioningApp.SEED);
        lucid = target.simulator().orElseThrow();
        try (InputStream csv = getClass().getResourceAsStream(HrCsvProvisioningApp.SAMPLE)) {
            export = HrCsvReader.read("hr-export.csv", csv);
        }
    }

    @AfterEach
    void stop() {
        target.close();
    }

    private HrSettings settings(boolean dryRun) {
        return new HrSettings(work.resolve("inbox"), work.resolve("reports"), Set.of(), true, true,
                HrSettings.Mode.RECONCILE, dryRun);
    }

    private ReconcileReport reconcile(boolean dryRun) throws Exception {
        HrCsvProvisioningApp.copySampleInto(work.resolve("inbox"));
        return HrCsvProvisioningApp.reconcileOnce(settings(dryRun), target);
    }

    private List<RecordedRequest> successfulWrites() {
        return lucid.requests().matching(request -> !request.method().equals("GET") && request.status() >= 200
                                                    && request.status() < 300);
    }

    private long leaversActiveInLucid() {
        return export.leavers().stream().filter(leaver -> lucid.userByUserName(leaver.email())
                .map(user -> user.path("active").asBoolean()).orElse(false)).count();
    }

    @Test
    void theDryRunPrintsThePlanWritesTheHtmlReportAndChangesNothing() throws Exception {
        long leaversToDeactivate = leaversActiveInLucid();

        ReconcileReport plan = reconcile(true);

        assertThat(lucid.requests().matching(request -> !request.method().equals("GET"))).isEmpty();
        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.count(ReconcileAction.DEACTIVATE)).isEqualTo(leaversToDeactivate);
        assertThat(plan.count(ReconcileAction.CREATE)).isEqualTo(export.accountHolders().stream()
                .filter(row -> lucid.userByUserName(row.email()).isEmpty()
                               || !lucid.userByUserName(row.email()).orElseThrow().path("active").asBoolean())
                .count());
        String page = Files.readString(work.resolve("reports/hr-export-reconcile.html"));
        assertThat(page).contains("Plan (dry run): nothing was changed", "deactivate", "<td>create</td>");
        assertThat(leaversActiveInLucid()).isEqualTo(leaversToDeactivate);
    }

    @Test
    void theRunBringsLucidToTheExportAndASecondRunWritesNothing() throws Exception {
        ReconcileReport report = reconcile(false);

        assertThat(report.applied()).isTrue();
        assertThat(leaversActiveInLucid()).isZero();
        for (HrRow row : export.accountHolders()) {
            JsonNode user = lucid.userByUserName(row.email()).orElse(null);
            boolean failed = report.failures().stream().anyMatch(item -> item.userName().equals(row.email()));
            if (failed) {
                continue;
            }
            assertThat(user).as(row.email()).isNotNull();
            assertThat(user.path("active").asBoolean()).as(row.email()).isTrue();
            assertThat(user.path("title").asText()).isEqualTo(row.title());
        }
        // the rehire hidden by Lucid and the address of another account: both refused with 409, reported
        assertThat(report.failures()).extracting(item -> item.userName()).containsExactlyInAnyOrder(
                "levi.green@example.com", "mia.williams@example.com");

        // the minimum: the listing pages of users and groups, the ServiceProviderConfig (read once per endpoint: may
        // writes send If-Match?), then one request per write
        assertThat(lucid.requests().size()).isEqualTo(report.listingRequests() + 1 + report.plannedWrites()
                                                      + report.plannedGroupWrites());
        assertThat(report.groups()).isNotEmpty();

        lucid.requests().clear();
        ReconcileReport second = reconcile(false);
        assertThat(successfulWrites()).isEmpty();
        assertThat(second.count(ReconcileAction.UPDATE) + second.count(ReconcileAction.DEACTIVATE)).isZero();
    }

    @Test
    void aLeaverWhoComesBackInALaterExportIsReactivatedNotCreated() throws Exception {
        reconcile(false);
        HrRow leaver = export.leavers().stream().filter(row -> lucid.userByUserName(row.email()).isPresent())
                .findFirst().orElseThrow();
        assertThat(lucid.userByUserName(leaver.email()).orElseThrow().path("active").asBoolean()).isFalse();
        List<String> lines = Files.readAllLines(Path.of(getClass().getResource(HrCsvProvisioningApp.SAMPLE).toURI()));
        List<String> rehired = lines.stream().map(line -> line.contains("," + leaver.email() + ",")
                ? line.replace(",terminated,", ",active,") : line).toList();
        Files.write(work.resolve("inbox/hr-export.csv"), rehired);
        lucid.requests().clear();

        ReconcileReport report = HrCsvProvisioningApp.reconcileOnce(settings(false), target);

        assertThat(report.items()).filteredOn(item -> item.userName().equals(leaver.email())).singleElement()
                .satisfies(item -> assertThat(item.action()).isEqualTo(ReconcileAction.REACTIVATE));
        assertThat(lucid.userByUserName(leaver.email()).orElseThrow().path("active").asBoolean()).isTrue();
        assertThat(lucid.requests().matching(request -> request.method().equals("POST")
                                                        && request.body().contains(leaver.email()))).isEmpty();
    }

    @Test
    void aTruncatedExportTripsTheThresholdAndNothingIsApplied() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(getClass().getResource(HrCsvProvisioningApp.SAMPLE).toURI()));
        Files.createDirectories(work.resolve("inbox"));
        Files.write(work.resolve("inbox/hr-export.csv"), lines.subList(0, 60));

        assertThatThrownBy(() -> HrCsvProvisioningApp.reconcileOnce(settings(false), target))
                .hasMessageContaining("could not be applied")
                .rootCause().isInstanceOf(ReconcileThresholdExceededException.class);
        assertThat(successfulWrites()).isEmpty();
        assertThat(lucid.requests().matching(request -> !request.method().equals("GET"))).isEmpty();
        assertThat(Files.readString(work.resolve("reports/hr-export-reconcile.html"))).contains("NOT applied");
        assertThat(work.resolve("inbox/.failed/hr-export.csv")).exists();
    }
}
