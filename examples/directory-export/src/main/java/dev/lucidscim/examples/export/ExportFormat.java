package dev.lucidscim.examples.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.lucidscim.model.ScimUser;

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

    /** The file content, UTF-8 encoded. */
    public byte[] write(List<ScimUser> users) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(content, StandardCharsets.UTF_8)) {
            writer.write(users, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export as " + this, e);
        }
        return content.toByteArray();
    }
}
