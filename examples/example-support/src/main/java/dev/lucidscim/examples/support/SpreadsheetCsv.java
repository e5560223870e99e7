package dev.lucidscim.examples.support;

import java.io.IOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV that an admin can open in a spreadsheet without running what a cell holds (CSV formula injection). A cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read by Excel,
 * LibreOffice or Google Sheets as a formula ({@code =HYPERLINK(...)} leaking data, {@code =cmd|' /C calc'!A0}
 * running a program), so it is written with a leading single quote, which makes it text; and every cell is quoted,
 * so that a spreadsheet splitting on another delimiter ({@code ;} in many locales) cannot start a new cell inside
 * one. This is OWASP's rule, applied to every cell, numbers included: {@code -5} is written {@code '-5}, since a
 * writer cannot tell a negative number from the start of {@code -2+3+cmd|...}. Neither example writes a numeric
 * column that can be negative.
 */
public final class SpreadsheetCsv {

    /** RFC 4180 with every cell quoted. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get();

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCsv() {
    }

    /** Writes one row, each cell made safe; a null cell is an empty one. */
    public static void printRow(Appendable out, List<?> cells) throws IOException {
        FORMAT.printRecord(out, cells.stream().map(SpreadsheetCsv::safeCell).toArray());
    }

    /** The cell as a spreadsheet should get it: text with a leading {@code '} when it would start a formula. */
    public static String safeCell(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
