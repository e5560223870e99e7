package dev.lucidscim.examples.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

import dev.lucidscim.examples.support.SpreadsheetCsv;
import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.ScimName;
import dev.lucidscim.model.ScimUser;

/**
 * A table of the attributes people look a user up by, one row per user, written with Apache Commons CSV (RFC 4180,
 * every cell quoted). An attribute the user does not have is an empty cell. The file is made to be opened in a
 * spreadsheet, and a directory's values are whatever someone typed, so it is written with {@link SpreadsheetCsv}: a
 * cell that would start a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, CR) is written as text, with a
 * leading {@code '}.
 */
final class CsvExport implements ExportWriter {

    static final List<String> COLUMNS = List.of("id", "userName", "active", "givenName", "familyName", "email",
            "title", "department", "externalId");

    @Override
    public void begin(Writer out) throws IOException {
        SpreadsheetCsv.printRow(out, COLUMNS);
    }

    @Override
    public void write(ScimUser user, Writer out) throws IOException {
        ScimName name = user.name();
        EnterpriseUser enterprise = user.enterprise();
        SpreadsheetCsv.printRow(out, Arrays.asList(user.id(), user.userName(),
                user.active(), name == null ? null : name.givenName(), name == null ? null : name.familyName(),
                user.primaryEmail(), user.title(), enterprise == null ? null : enterprise.department(),
                user.externalId()));
    }
}
