package dev.lucidscim.examples.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;

/**
 * The file of one poll, written as the consumer streams the directory: opened with the poll's first user
 * ({@code CamelBatchIndex} 0), one line per user, and renamed from its temporary name once the poll's last user
 * ({@code CamelBatchComplete}) is in, so a reader never sees half a file and memory never holds the directory.
 */
final class PollFile {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final ExportFormat format;
    private Path temporary;
    private Path target;
    private Writer out;

    PollFile(Path folder, ExportFormat format) {
        this.folder = folder;
        this.format = format;
    }

    /** Adds the exchange's user; returns the finished file after the poll's last user, else null. */
    synchronized Path add(Exchange exchange) throws IOException {
        if (exchange.getProperty(Exchange.BATCH_INDEX, Integer.class) == 0) {
            open();
        }
        format.writer().write(exchange.getMessage().getBody(ScimUser.class), out);
        if (!exchange.getProperty(Exchange.BATCH_COMPLETE, Boolean.class)) {
            return null;
        }
        out.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private void open() throws IOException {
        if (out != null) {
            // a poll that ended without its last user (Lucid failed midway): its partial file is dropped
            out.close();
            Files.deleteIfExists(temporary);
        }
        Files.createDirectories(folder);
        String name = "lucid-users-" + LocalDateTime.now().format(STAMP) + "." + format.extension();
        target = folder.resolve(name);
        temporary = folder.resolve(".writing-" + name);
        out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
        format.writer().begin(out);
    }
}
