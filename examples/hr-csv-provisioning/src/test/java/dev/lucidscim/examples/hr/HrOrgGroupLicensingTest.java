package dev.lucidscim.examples.hr;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.producer.IgnoredAttribute;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.examples.hr.ProvisioningRun.Result;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The main job on a Lucid account that licenses through org groups (the simulator's mode, the sample's seed): with
 * licences as group membership, and with the default per-user licences that the account ignores. Either way the
 * second run writes nothing.
 */
class HrOrgGroupLicensingTest {

    private static final String LUCID_2 = "urn:ietf:params:scim:schemas:extension:lucid:2.0:User";
    private static final LicenseGroups GROUPS = LicenseGroups.parse("Lucidchart=Lucidchart users,"
                                                                    + "lucidspark = Lucidspark users");

    @TempDir
    Path work;
    private LucidTarget target;
    private LucidScimSimulator lucid;

    @BeforeEach
    void start() {
        target = LucidTarget.simulated(LucidScimSimulator.builder()
                .groupLicenses("Lucidchart users", Map.of("Lucidchart", true))
                .groupLicenses("Lucidspark users", Map.of("Lucidspark", true)), HrCsvProvisioningApp.SEED);
        lucid = target.simulator().orElseThrow();
    }

    @AfterEach
    void stop() {
        target.close();
    }

    private HrSettings settings(HrSettings.Mode mode, LicenseGroups licenseGroups) {
        return new HrSettings(work.resolve("inbox"), work.resolve("errors"), Set.of("All Users"), true, true, mode,
                false).withLicenseGroups(licenseGroups);
    }

    private ReconcileReport reconcile(LicenseGroups licenseGroups) throws Exception {
        HrCsvProvisioningApp.copySampleInto(work.resolve("inbox"));
        return HrCsvProvisioningApp.reconcileOnce(settings(HrSettings.Mode.RECONCILE, licenseGroups), target);
    }

    private ProvisioningRun upsert(LicenseGroups licenseGroups) throws Exception {
        HrCsvProvisioningApp.copySampleInto(work.resolve("inbox"));
        return HrCsvProvisioningApp.runOnce(settings(HrSettings.Mode.UPSERT, licenseGroups), target);
    }

    private List<RecordedRequest> successfulWrites() {
        return lucid.requests().matching(request -> !request.method().equals("GET") && request.status() >= 200
                                                    && request.status() < 300);
    }

    private void assertLicencesFollowTheExport() {
        for (String email : List.of("wyatt.davis@example.com", "kwame.brown@example.com")) {
            JsonNode licences = lucid.userByUserName(email).orElseThrow().path(LUCID_2).path("productLicenses");
            assertThat(licences.path("Lucidspark").asBoolean()).as(email).isTrue();
        }
        // Kwame (Sales) is licensed for Lucidspark only, Wyatt for both
        assertThat(lucid.userByUserName("kwame.brown@example.com").orElseThrow().path(LUCID_2)
                .path("productLicenses").path("Lucidchart").asBoolean(true)).isFalse();
        assertThat(lucid.userByUserName("wyatt.davis@example.com").orElseThrow().path(LUCID_2)
                .path("productLicenses").path("Lucidchart").asBoolean()).isTrue();
    }

    @Test
    void reconcileWithLicenceGroupsGrantsThroughThemAndTheSecondRunWritesNothing() throws Exception {
        ReconcileReport first = reconcile(GROUPS);

        assertLicencesFollowTheExport();
        assertThat(lucid.requests().matching(request -> request.body() != null
                                                        && request.body().contains("productLicenses")))
                .as("no licence written per user").isEmpty();
        assertThat(first.ignoredAttributes()).isEmpty();
        lucid.requests().clear();

        reconcile(GROUPS);

        assertThat(successfulWrites()).isEmpty();
    }

    @Test
    void upsertWithLicenceGroupsGrantsThroughThemAndTheSecondRunWritesNothing() throws Exception {
        upsert(GROUPS);
        assertLicencesFollowTheExport();
        lucid.requests().clear();

        ProvisioningRun second = upsert(GROUPS);

        assertThat(successfulWrites()).isEmpty();
        assertThat(second.users(Result.UPDATED)).isZero();
        assertThat(second.groups(Result.UPDATED) + second.groups(Result.CREATED)).isZero();
    }

    @Test
    void reconcileWithPerUserLicencesFindsThemIgnoredAndTheSecondRunWritesNothing() throws Exception {
        ReconcileReport first = reconcile(LicenseGroups.NONE);

        assertThat(first.ignoredAttributes()).extracting(IgnoredAttribute::path)
                .contains(LUCID_2 + ":productLicenses.Lucidchart", LUCID_2 + ":productLicenses.Lucidspark");
        lucid.requests().clear();

        ReconcileReport second = reconcile(LicenseGroups.NONE);

        assertThat(successfulWrites()).as("the state file remembers what Lucid ignores").isEmpty();
        assertThat(FeedCounts.of(second, 0).updated()).isZero();
    }

    @Test
    void upsertWithPerUserLicencesFindsThemIgnoredAndTheSecondRunWritesNothing() throws Exception {
        upsert(LicenseGroups.NONE);
        lucid.requests().clear();

        ProvisioningRun second = upsert(LicenseGroups.NONE);

        assertThat(successfulWrites()).isEmpty();
        assertThat(second.users(Result.UPDATED)).isZero();
    }

    @Test
    void aMappingThatIsNotProductEqualsGroupIsRefusedSayingWhatToWrite() {
        assertThatThrownBy(() -> LicenseGroups.parse("Visio=Visio users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Visio=Visio users").hasMessageContaining("Lucidchart, Lucidspark");
        assertThatThrownBy(() -> LicenseGroups.parse("Lucidchart"))
                .hasMessageContaining("product=group name");
        assertThatThrownBy(() -> LicenseGroups.parse("Lucidchart=A,lucidchart=B"))
                .hasMessageContaining("Lucidchart twice");
        assertThat(LicenseGroups.parse(" ").isEmpty()).isTrue();
    }
}
