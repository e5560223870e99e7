package dev.lucidscim.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.examples.hr.HrCsvProvisioningApp;
import dev.lucidscim.examples.hr.HrCsvReader;
import dev.lucidscim.examples.hr.HrExport;
import dev.lucidscim.examples.hr.HrReconcileRoutes;
import dev.lucidscim.examples.hr.HrRoster;
import dev.lucidscim.examples.hr.HrSettings;
import dev.lucidscim.examples.hr.HrUserMapper;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.SeedFile;

/**
 * The HR main job's work against the Lucid-like tenant, as its default mode (reconcile) does it with the main job's
 * settings (its writes in flight, its rate against a tenant): the export read by {@link HrCsvReader}, made a roster by {@link HrRoster} as {@link HrReconcileRoutes}
 * does, sent to the routes' reconcile endpoint, against yesterday's directory. What the file route adds (watching the
 * inbox, moving the file, writing the report page) is not the tenant's work and is left out, and the component keeps
 * its state in memory instead of the main job's state file (same content, no tenant request either way).
 */
final class MainJobRemote {

    private MainJobRemote() {
    }

    /** The bundled 305-line sample against the example's seed, as the README's main job runs it. */
    static RemoteOutcome sample(LucidLikeTenant tenant, String scenario) throws Exception {
        return run(scenario, tenant, "hr-export.csv", resource(HrCsvProvisioningApp.SAMPLE),
                new ObjectMapper().readTree(resource(HrCsvProvisioningApp.SEED)));
    }

    static RemoteOutcome generated(LucidLikeTenant tenant, int people) throws Exception {
        GeneratedHrExport export = new GeneratedHrExport(people);
        return run("remote-main-job-" + Comparison.size(people) + "-people", tenant, export.fileName(), export.csv(),
                export.seed());
    }

    private static RemoteOutcome run(String scenario, LucidLikeTenant tenant, String fileName, byte[] csv,
                                     JsonNode seed) throws Exception {
        try (LucidScimSimulator lucid = tenant.start()) {
            SeedFile.load(lucid, seed);
            HrSettings settings = HrSettings.fromEnvironment();
            // paced as the main job paces a real tenant (LucidTarget)
            String uri = HrReconcileRoutes.reconcileUri(settings) + "&requestsPerSecond="
                         + LucidTarget.TENANT_REQUESTS_PER_SECOND;
            return RemoteRun.measure(scenario, tenant, lucid, uri, camel -> {
                HrExport export = HrCsvReader.read(fileName, new ByteArrayInputStream(csv));
                ReconcileReport report = camel.template.requestBody(uri,
                        HrRoster.of(export, new HrUserMapper(settings.manageLicenses())), ReconcileReport.class);
                return ReconcileRemote.planNotes(report);
            });
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HrCsvProvisioningApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No " + name + " on the classpath (the HR example's jar)");
            }
            return in.readAllBytes();
        }
    }
}
