package dev.lucidscim.examples.export;

import java.io.IOException;
import java.io.Writer;

import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;

/**
 * One user per line, as the component's model writes SCIM JSON: every attribute Lucid returned, extensions and
 * attributes the model does not know included, so the file can be read back into {@link ScimUser}s.
 */
final class JsonLinesExport implements ExportWriter {

    @Override
    public void write(ScimUser user, Writer out) throws IOException {
        // compact JSON escapes line breaks inside values, so a user never spans two lines
        out.write(ScimJson.toJson(user));
        out.write('\n');
    }
}
