package dev.lucidscim.examples.export;

import java.io.IOException;
import java.io.Writer;

import dev.lucidscim.model.ScimUser;

/** Writes the users of one export, one at a time as the consumer delivers them, in one file format. */
interface ExportWriter {

    /** What comes before the first user (a CSV header). */
    default void begin(Writer out) throws IOException {
    }

    void write(ScimUser user, Writer out) throws IOException;
}
