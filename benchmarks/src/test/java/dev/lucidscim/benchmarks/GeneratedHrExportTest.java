package dev.lucidscim.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.producer.reconcile.GroupAction;
import dev.lucidscim.camel.producer.reconcile.GroupReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.examples.hr.HrCsvReader;
import dev.lucidscim.examples.hr.HrExport;
import dev.lucidscim.examples.hr.HrReconcileRoutes;
import dev.lucidscim.examples.hr.HrRoster;
import dev.lucidscim.examples.hr.HrRow;
import dev.lucidscim.examples.hr.HrSettings;
import dev.lucidscim.examples.hr.HrUserMapper;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.SeedFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated export is the same every time, valid for the HR feed, and differs from its seed as described. */
class GeneratedHrExportTest {

    private final GeneratedHrExport generated = new GeneratedHrExport(400);

    private HrExport read() throws Exception {
        return HrCsvReader.read(generated.fileName(), new ByteArrayInputStream(generated.csv()));
    }

    @Test
    void theSameSizeGivesTheSameExportAndSeed() {
        GeneratedHrExport again = new GeneratedHrExport(400);

        assertThat(again.csv()).isEqualTo(generated.csv());
        assertThat(again.seed()).isEqualTo(generated.seed());
        assertThat(new GeneratedHrExport(399).csv()).isNotEqualTo(generated.csv());
    }

    @Test
    void everyLineIsValidAndEveryManagerKeepsAnAccount() throws Exception {
        HrExport export = read();

        assertThat(export.rejected()).isEmpty();
        assertThat(export.rows()).hasSize(400);
        assertThat(export.rows()).extracting(HrRow::department).containsOnlyElementsOf(GeneratedHrExport.DEPARTMENTS)
                .hasSameElementsAs(GeneratedHrExport.DEPARTMENTS);
        // every 97th person from the 58th (4 of them), but not the one who manages people
        assertThat(export.leavers()).hasSize(3);
        Set<String> holders = export.accountHolders().stream().map(HrRow::email).collect(Collectors.toSet());
        assertThat(export.rows()).filteredOn(row -> row.managerEmail() != null).hasSize(399)
                .allSatisfy(row -> assertThat(holders).contains(row.managerEmail()));
    }

    @Test
    void theSeedIsYesterdayWithoutTheJoinersAndWithTheDepartmentGroups() throws Exception {
        JsonNode seed = generated.seed();
        Set<String> seeded = new HashSet<>(seed.path("users").findValuesAsText("userName"));
        List<HrRow> joiners = read().rows().stream().filter(row -> !seeded.contains(row.email())).toList();

        // every 53rd person from the 20th (8 of them), but not the one who manages people
        assertThat(joiners).hasSize(7).allSatisfy(row -> assertThat(row.status().keepsAccount()).isTrue());
        assertThat(seeded).hasSize(400 - 7);
        assertThat(seed.path("groups").findValuesAsText("displayName"))
                .hasSameElementsAs(GeneratedHrExport.DEPARTMENTS);
    }

    @Test
    void theMainJobsPlanCreatesTheJoinersDeactivatesTheLeaversAndUpdatesTheChanged() throws Exception {
        HrExport export = read();
        try (LucidScimSimulator lucid = LucidScimSimulator.builder().build().start();
             CamelSide camel = new CamelSide(lucid.baseUrl(), lucid.token())) {
            SeedFile.load(lucid, generated.seed());
            HrSettings dryRun = new HrSettings(Path.of("inbox"), Path.of("errors"), Set.of(), true, true,
                    HrSettings.Mode.RECONCILE, true);

            ReconcileReport plan = camel.template.requestBody(HrReconcileRoutes.reconcileUri(dryRun),
                    HrRoster.of(export, new HrUserMapper(true)), ReconcileReport.class);

            assertThat(plan.count(ReconcileAction.CREATE)).isEqualTo(7);
            assertThat(plan.count(ReconcileAction.DEACTIVATE)).isEqualTo(export.leavers().size());
            // every 33rd title, 199th department, 211th manager, of those who stay (counted apart: 14 people)
            assertThat(plan.count(ReconcileAction.UPDATE)).isEqualTo(14);
            // at this size, half of the departments (of 20 people) have a joiner, a leaver or a mover
            assertThat(plan.groups()).extracting(GroupReconcileItem::action).containsOnly(GroupAction.UPDATE,
                    GroupAction.UNCHANGED).filteredOn(action -> action == GroupAction.UPDATE).hasSize(10);
            assertThat(plan.failures()).isEmpty();
        }
    }
}
