package dev.lucidscim.examples.hr;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.lucidscim.examples.support.SpreadsheetCsv;

/**
 * Writes the rejected rows of an export to an error CSV: the line number, the reason, then the row as read. An admin
 * opens it in a spreadsheet, and the rows are whatever the HR file held, so it is written with {@link SpreadsheetCsv}:
 * a cell that would start a formula is written as text.
 */
public final class RejectedRowsFile {

    private RejectedRowsFile() {
    }

    public static Path write(Path folder, HrExport export) throws IOException {
        Files.createDirectories(folder);
        String base = export.fileName().replaceFirst("\\.csv$", "");
        Path file = folder.resolve(base + "-rejected.csv");
        List<String> header = new ArrayList<>(List.of("line", "reason"));
        header.addAll(export.header());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SpreadsheetCsv.printRow(writer, header);
            for (RejectedRow row : export.rejected()) {
                List<String> values = new ArrayList<>(List.of(Long.toString(row.line()), row.reason()));
                values.addAll(row.values());
                SpreadsheetCsv.printRow(writer, values);
            }
        }
        return file;
    }
}
