package dev.lucidscim.examples.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;


/** The file formats of the export, chosen with the {@code export.format} property. */
public enum ExportFormat {
    /** JSON lines: one complete SCIM user per line. */
    JSONL(new JsonLinesExport()),
    /** CSV: a header and one row per user, a few columns. */
    CSV(new CsvExport());

    private final ExportWriter writer;

    ExportFormat(ExportWriter writer) {
        this.writer = writer;
    }

    public static ExportFormat named(String name) {
        return Arrays.stream(values()).filter(format -> format.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown export.format '" + name + "': use one of "
                        + Arrays.stream(values()).map(ExportFormat::extension).collect(Collectors.joining(", "))));
    }

    /** The file name extension, which is also the name to choose the format by. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    ExportWriter writer() {
        return writer;
    }
}
