package dev.lucidscim.examples.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import dev.lucidscim.model.ScimUser;

/** Writes the users of one export run in one file format. */
interface ExportWriter {

    void write(List<ScimUser> users, Writer out) throws IOException;
}
