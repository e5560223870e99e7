package dev.lucidscim.examples.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.ScimName;
import dev.lucidscim.model.ScimUser;
import org.apache.commons.csv.CSVFormat;

/**
 * A table of the attributes people look a user up by, one row per user, written with Apache Commons CSV (RFC 4180:
 * values with commas, quotes or line breaks are quoted). An attribute the user does not have is an empty cell.
 */
final class CsvExport implements ExportWriter {

    static final List<String> COLUMNS = List.of("id", "userName", "active", "givenName", "familyName", "email",
            "title", "department", "externalId");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

    @Override
    public void begin(Writer out) throws IOException {
        FORMAT.printRecord(out, COLUMNS.toArray());
    }

    @Override
    public void write(ScimUser user, Writer out) throws IOException {
        ScimName name = user.name();
        EnterpriseUser enterprise = user.enterprise();
        FORMAT.printRecord(out, user.id(), user.userName(),
                user.active(), name == null ? null : name.givenName(), name == null ? null : name.familyName(),
                user.primaryEmail(), user.title(), enterprise == null ? null : enterprise.department(),
                user.externalId());
    }
}
