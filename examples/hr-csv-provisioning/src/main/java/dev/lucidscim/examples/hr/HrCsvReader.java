package dev.lucidscim.examples.hr;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.lucidscim.camel.producer.InputValidation;
import dev.lucidscim.error.OneLine;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an HR export with Apache Commons CSV and sorts its lines into valid rows and rejected ones (no e-mail, a
 * malformed e-mail, an unknown status, an e-mail on two lines). A file without the expected columns is refused as a
 * whole, before anything is provisioned. A reason quotes a value with {@link OneLine#quoted}, bounded and on one line:
 * it is printed in the summary and written in the error file, where a 10 KB cell or a line break in one would drown
 * the output or print a line of its own.
 */
public final class HrCsvReader {

    public static final List<String> COLUMNS = List.of("employee_id", "email", "first_name", "last_name",
            "department", "title", "manager_email", "status", "licensed_products");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private HrCsvReader() {
    }

    public static HrExport read(String fileName, InputStream csv) throws IOException {
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = open(fileName, reader)) {
            List<String> missing = COLUMNS.stream().filter(column -> !parser.getHeaderMap().containsKey(column))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(OneLine.of(fileName) + " lacks the column(s) " + missing
                                                   + "; expected " + COLUMNS);
            }
            List<HrRow> rows = new ArrayList<>();
            List<RejectedRow> rejected = new ArrayList<>();
            Map<String, Long> lineOfEmail = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                Optional<String> problem = problemOf(record, lineOfEmail);
                if (problem.isPresent()) {
                    rejected.add(new RejectedRow(line, record.toList(), problem.get()));
                    continue;
                }
                HrRow row = toRow(line, record);
                lineOfEmail.put(row.email(), line);
                rows.add(row);
            }
            return new HrExport(fileName, parser.getHeaderNames(), rows, rejected);
        }
    }

    /**
     * Commons CSV names the cells of a broken header verbatim, line breaks and all, so its message is put on one
     * line, and its exception is not kept as the cause (a stack trace would print the raw message).
     */
    private static CSVParser open(String fileName, Reader reader) throws IOException {
        try {
            return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OneLine.of(fileName + " has a broken header: " + e.getMessage()));
        }
    }

    private static Optional<String> problemOf(CSVRecord record, Map<String, Long> lineOfEmail) {
        String email = record.get("email");
        if (email.isBlank()) {
            return Optional.of("no email");
        }
        if (email.length() > InputValidation.MAX_EMAIL_LENGTH) {
            return Optional.of("e-mail address longer than " + InputValidation.MAX_EMAIL_LENGTH + " characters: "
                               + OneLine.quoted(email));
        }
        if (!InputValidation.isEmail(email)) {
            return Optional.of(OneLine.quoted(email) + " is not a valid e-mail address");
        }
        if (HrStatus.fromCsv(record.get("status")).isEmpty()) {
            return Optional.of("unknown status " + OneLine.quoted(record.get("status")) + " (expected "
                               + HrStatus.expected() + ")");
        }
        Long earlier = lineOfEmail.get(email.toLowerCase(Locale.ROOT));
        return earlier == null ? Optional.empty() : Optional.of("e-mail " + email + " is also on line " + earlier);
    }

    private static HrRow toRow(long line, CSVRecord record) {
        List<String> products = Arrays.stream(record.get("licensed_products").split("[;,]"))
                .map(String::strip).filter(product -> !product.isEmpty()).toList();
        String manager = record.get("manager_email");
        return new HrRow(line, record.get("employee_id"), record.get("email").toLowerCase(Locale.ROOT),
                record.get("first_name"), record.get("last_name"), record.get("department"), record.get("title"),
                manager.isBlank() ? null : manager.toLowerCase(Locale.ROOT),
                HrStatus.fromCsv(record.get("status")).orElseThrow(), products);
    }
}
