package dev.lucidscim.examples.yaml;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.examples.support.ClasspathResources;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.examples.support.RunToCompletion;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.main.Main;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The YAML routes under Camel Main, as the runner starts them, against the simulator seeded with the HR example's
 * directory, fed the HR example's sample export. Expectations are read from the CSV here, not through the feed's own
 * reader and mapper.
 */
@Timeout(60)
class YamlHrFeedTest {

    /** The sample's defective lines (no e-mail, malformed e-mail, unknown status), rejected before any request. */
    private static final Set<Long> DEFECTIVE_LINES = Set.of(62L, 99L, 136L, 173L, 210L);
    /** A deactivated user in the seed (hidden from searches, so the create conflicts) and an e-mail of another account. */
    private static final Set<String> REFUSED_BY_LUCID = Set.of("levi.green@example.com", "mia.williams@example.com");
    private static final List<String> PRODUCTS = List.of("Lucidchart", "Lucidspark", "LucidscaleCreator",
            "LucidscaleExplorer");
    private static final Path TEST_LOG = Path.of("target/yaml-dsl-test.log");

    @TempDir
    Path inbox;

    private final LucidTarget target = LucidTarget.simulated(YamlHrFeedApp.SEED);
    private final LucidScimSimulator lucid = target.simulator().orElseThrow();

    @AfterEach
    void stopSimulator() {
        target.close();
    }

    @Test
    void sampleExportUpsertsAccountHoldersDeactivatesLeaversAndPrintsTheCounts() throws Exception {
        int seededUsers = lucid.userCount();
        int seededActive = lucid.activeUserCount();
        ClasspathResources.copy(YamlHrFeedApp.SAMPLE, inbox.resolve("hr-export.csv"));

        RunToCompletion.run(feedReading(inbox));

        List<CSVRecord> rows = sampleRows().stream()
                .filter(row -> !DEFECTIVE_LINES.contains(row.getRecordNumber() + 1)).toList();
        List<CSVRecord> accountHolders = rows.stream()
                .filter(row -> !row.get("status").equals("terminated")).toList();
        Map<String, CSVRecord> accountHolderByEmail = accountHolders.stream()
                .collect(Collectors.toMap(YamlHrFeedTest::email, Function.identity()));
        for (CSVRecord row : accountHolders) {
            if (!REFUSED_BY_LUCID.contains(email(row))) {
                assertProvisioned(row, accountHolderByEmail);
            }
        }
        List<String> leavers = rows.stream().filter(row -> row.get("status").equals("terminated"))
                .map(YamlHrFeedTest::email).toList();
        assertThat(leavers).hasSize(23).allSatisfy(email -> assertThat(lucid.userByUserName(email)
                .filter(user -> user.path("active").asBoolean())).as(email + " still active").isEmpty());
        assertThat(lucid.userByUserName("levi.green@example.com")).hasValueSatisfying(
                user -> assertThat(user.path("active").asBoolean()).isFalse());
        assertThat(lucid.userByUserName("mia.williams@example.com")).isEmpty();

        // 46 people are new, 14 of the 23 leavers still had an active account, 2 people are refused by Lucid
        assertThat(lucid.userCount()).isEqualTo(seededUsers + 46);
        assertThat(lucid.activeUserCount()).isEqualTo(seededActive + 46 - 14);
        assertThat(summaryLines()).last().isEqualTo("SUMMARY file=hr-export.csv created=46 updated=57 unchanged=181 "
                                                    + "deactivated=14 failed=2 rejected=5");
    }

    @Test
    void aFileWithoutTheExpectedColumnsFailsTheRunBeforeAnyRequest() throws Exception {
        Files.writeString(inbox.resolve("wrong-export.csv"), "name,mail\nJane Doe,jane@example.com\n");

        assertThatThrownBy(() -> RunToCompletion.run(feedReading(inbox)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 message(s) failed");

        assertThat(inbox.resolve(".failed/wrong-export.csv")).exists();
        assertThat(lucid.requests().size()).isZero();
    }

    private Main feedReading(Path folder) {
        Main main = YamlHrFeedApp.feed(target);
        main.addOverrideProperty("hr.inbox", folder.toString());
        return main;
    }

    private void assertProvisioned(CSVRecord row, Map<String, CSVRecord> accountHolderByEmail) {
        String email = email(row);
        JsonNode user = lucid.userByUserName(email).orElseThrow(() -> new AssertionError(email + " is not in Lucid"));
        assertThat(user.path("active").asBoolean()).as(email).isTrue();
        assertThat(user.path("externalId").asText()).as(email).isEqualTo(row.get("employee_id"));
        assertThat(user.path("name").path("givenName").asText()).as(email).isEqualTo(row.get("first_name"));
        assertThat(user.path("name").path("familyName").asText()).as(email).isEqualTo(row.get("last_name"));
        assertThat(user.path("title").asText()).as(email).isEqualTo(row.get("title"));
        assertThat(user.path("emails").path(0).path("value").asText()).as(email).isEqualTo(email);
        JsonNode enterprise = user.path(ScimSchemas.ENTERPRISE_USER);
        assertThat(enterprise.path("department").asText()).as(email).isEqualTo(row.get("department"));
        assertThat(enterprise.path("employeeNumber").asText()).as(email).isEqualTo(row.get("employee_id"));
        String managerEmail = row.get("manager_email").toLowerCase(Locale.ROOT);
        if (accountHolderByEmail.containsKey(managerEmail) && !REFUSED_BY_LUCID.contains(managerEmail)) {
            String managerId = lucid.userByUserName(managerEmail).orElseThrow().path("id").asText();
            assertThat(enterprise.path("manager").path("value").asText()).as(email + "'s manager")
                    .isEqualTo(managerId);
        }
        Set<String> licensed = Set.of(row.get("licensed_products").split(";"));
        JsonNode licenses = user.path(ScimSchemas.LUCID_USER_V2).path("productLicenses");
        for (String product : PRODUCTS) {
            assertThat(licenses.path(product).asBoolean()).as(email + " " + product)
                    .isEqualTo(licensed.contains(product));
        }
    }

    private static String email(CSVRecord row) {
        return row.get("email").strip().toLowerCase(Locale.ROOT);
    }

    private static List<CSVRecord> sampleRows() throws IOException {
        try (Reader reader = new InputStreamReader(YamlHrFeedTest.class.getResourceAsStream(YamlHrFeedApp.SAMPLE),
                StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return new ArrayList<>(parser.getRecords());
        }
    }

    private static List<String> summaryLines() throws IOException {
        return Files.readAllLines(TEST_LOG, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("SUMMARY ")).map(line -> line.substring(line.indexOf("SUMMARY ")))
                .toList();
    }
}
