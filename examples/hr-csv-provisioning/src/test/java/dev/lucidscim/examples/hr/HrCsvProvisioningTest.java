package dev.lucidscim.examples.hr;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.examples.hr.ProvisioningRun.Result;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job end to end: the real routes feed the bundled sample export into a simulator seeded with
 * "yesterday's" directory, and Lucid's resulting state is checked against what the export says.
 */
class HrCsvProvisioningTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @TempDir
    Path work;
    private LucidTarget target;
    private LucidScimSimulator lucid;
    private HrExport export;
    private JsonNode seed;

    @BeforeEach
    void start() throws Exception {
        target = LucidTarget.simulated(HrCsvProvisioningApp.SEED);
        lucid = target.simulator().orElseThrow();
        try (InputStream csv = getClass().getResourceAsStream(HrCsvProvisioningApp.SAMPLE)) {
            export = HrCsvReader.read("hr-export.csv", csv);
        }
        try (InputStream json = getClass().getResourceAsStream(HrCsvProvisioningApp.SEED)) {
            seed = new ObjectMapper().readTree(json);
        }
    }

    @AfterEach
    void stop() {
        target.close();
    }

    private ProvisioningRun runOnce() throws Exception {
        HrSettings settings = new HrSettings(work.resolve("inbox"), work.resolve("errors"), Set.of("All Users"), true,
                true);
        HrCsvProvisioningApp.copySampleInto(settings.inbox());
        return HrCsvProvisioningApp.runOnce(settings, target);
    }

    @Test
    void theExportBecomesLucidsDirectory() throws Exception {
        ProvisioningRun run = runOnce();

        Set<String> otherAccount = texts(seed.path("reservedForOtherAccount"));
        Set<String> deactivatedBefore = seedUsers().filter(user -> !user.path("active").asBoolean())
                .map(user -> user.path("userName").asText()).collect(Collectors.toSet());
        Map<String, String> ids = new HashMap<>();
        for (HrRow row : export.accountHolders()) {
            JsonNode user = lucid.userByUserName(row.email()).orElse(null);
            if (otherAccount.contains(row.email())) {
                assertThat(user).as(row.email() + " belongs to another account").isNull();
                continue;
            }
            assertThat(user).as(row.email()).isNotNull();
            if (deactivatedBefore.contains(row.email())) {
                // A rehire: Lucid hides the deactivated account, the create answers 409; nothing is reactivated
                // behind the admin's back.
                assertThat(user.path("active").asBoolean()).as(row.email()).isFalse();
                continue;
            }
            ids.put(row.email(), user.path("id").asText());
            assertThat(user.path("active").asBoolean()).as(row.email()).isTrue();
            assertThat(user.path("externalId").asText()).isEqualTo(row.employeeId());
            assertThat(user.path("title").asText()).isEqualTo(row.title());
            assertThat(user.path("name").path("givenName").asText()).isEqualTo(row.firstName());
            assertThat(user.path(ENTERPRISE).path("department").asText()).isEqualTo(row.department());
            assertThat(user.path("urn:ietf:params:scim:schemas:extension:lucid:2.0:User").path("productLicenses")
                    .path("Lucidchart").asBoolean()).isEqualTo(row.licensedProducts().contains("Lucidchart"));
        }
        for (HrRow row : export.accountHolders()) {
            if (ids.containsKey(row.email()) && ids.containsKey(row.managerEmail())) {
                assertThat(lucid.userByUserName(row.email()).orElseThrow().path(ENTERPRISE).path("manager")
                        .path("value").asText()).as("manager of " + row.email()).isEqualTo(ids.get(row.managerEmail()));
            }
        }
        for (HrRow leaver : export.leavers()) {
            lucid.userByUserName(leaver.email()).ifPresent(user ->
                    assertThat(user.path("active").asBoolean()).as(leaver.email()).isFalse());
        }

        assertThat(run.users(Result.FAILED)).isEqualTo(otherAccount.size() + 1);
        // Every valid row has exactly one outcome (a leaver who is already gone is unchanged).
        assertThat(Arrays.stream(Result.values()).mapToInt(run::users).sum()).isEqualTo(export.rows().size());
        assertThat(run.users(Result.DEACTIVATED)).isEqualTo(export.leavers().stream()
                .filter(leaver -> seedUsers().anyMatch(user -> user.path("userName").asText().equals(leaver.email())
                                                              && user.path("active").asBoolean()))
                .count());
        assertThat(run.users(Result.CREATED)).isEqualTo(export.accountHolders().stream()
                .filter(row -> seedUsers().noneMatch(user -> user.path("userName").asText().equals(row.email())))
                .filter(row -> !otherAccount.contains(row.email()))
                .count());
    }

    @Test
    void departmentGroupsHoldExactlyTheirPeopleAndExcludedGroupsAreNeverPushed() throws Exception {
        ProvisioningRun run = runOnce();

        Set<String> failed = run.failures().stream().map(ProvisioningRun.Failure::who).collect(Collectors.toSet());
        Map<String, List<HrRow>> byDepartment = export.accountHolders().stream()
                .collect(Collectors.groupingBy(HrRow::department));
        assertThat(lucid.groupByName("All Users")).isEmpty();
        assertThat(run.excludedGroups()).containsExactly("All Users");
        byDepartment.forEach((department, people) -> {
            if (department.equals("All Users")) {
                return;
            }
            JsonNode group = lucid.groupByName(department).orElseThrow();
            Set<String> members = texts(group.path("members"), "value");
            Set<String> expected = people.stream().filter(row -> !failed.contains(row.email()))
                    .map(row -> lucid.userByUserName(row.email()).orElseThrow().path("id").asText())
                    .collect(Collectors.toSet());
            boolean hadFailures = people.stream().anyMatch(row -> failed.contains(row.email()));
            if (hadFailures) {
                assertThat(members).as(department).containsAll(expected);
            } else {
                assertThat(members).as(department).isEqualTo(expected);
            }
        });
    }

    @Test
    void rejectedRowsGoToTheErrorFileWithTheirReasons() throws Exception {
        runOnce();

        List<String> lines = Files.readAllLines(work.resolve("errors/hr-export-rejected.csv"));
        assertThat(lines).hasSize(1 + export.rejected().size());
        assertThat(lines.get(0)).startsWith("\"line\",\"reason\",\"employee_id\",\"email\"");
        assertThat(String.join("\n", lines)).contains("no email", "'jordan.price(at)example.com' is not a valid",
                "unknown status 'retired?'");
        assertThat(export.rejected()).hasSize(5);
    }

    @Test
    void aSecondRunOfTheSameExportChangesNothing() throws Exception {
        runOnce();
        lucid.requests().clear();

        ProvisioningRun second = runOnce();

        List<RecordedRequest> successfulWrites = lucid.requests().matching(request ->
                !request.method().equals("GET") && request.status() >= 200 && request.status() < 300);
        assertThat(successfulWrites).isEmpty();
        assertThat(second.users(Result.CREATED)).isZero();
        assertThat(second.users(Result.UPDATED)).isZero();
        assertThat(second.users(Result.DEACTIVATED)).isZero();
    }

    @Test
    void aFileWithoutTheExpectedColumnsFailsTheRunAndIsMovedAside() throws Exception {
        HrSettings settings = new HrSettings(work.resolve("inbox"), work.resolve("errors"), Set.of(), true, true);
        Files.createDirectories(settings.inbox());
        Files.writeString(settings.inbox().resolve("broken.csv"), "email,first_name\njane@example.com,Jane\n");
        lucid.requests().clear();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HrCsvProvisioningApp.runOnce(settings, target))
                .hasMessageContaining("broken.csv could not be applied")
                .rootCause().hasMessageContaining("lacks the column(s)");
        assertThat(settings.inbox().resolve(".failed/broken.csv")).exists();
        assertThat(lucid.requests().size()).isZero();
    }

    private Stream<JsonNode> seedUsers() {
        return StreamSupport.stream(seed.path("users").spliterator(), false);
    }

    private static Set<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toSet());
    }

    private static Set<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText())
                .collect(Collectors.toSet());
    }
}
