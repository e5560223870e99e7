package dev.lucidscim.composition;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * An HR export, read with Commons CSV: one person per row, columns {@code employeeId,email,givenName,familyName,
 * title,department}, into the {@code List<ScimUser>} a split hands to upsert one by one.
 */
final class HrCsvRows implements Processor {

    static final String HEADER = "employeeId,email,givenName,familyName,title,department";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).get();

    @Override
    public void process(Exchange exchange) throws Exception {
        List<ScimUser> people = new ArrayList<>();
        try (Reader reader = exchange.getMessage().getMandatoryBody(Reader.class)) {
            for (CSVRecord row : FORMAT.parse(reader)) {
                people.add(ScimUser.builder()
                        .externalId(row.get("employeeId"))
                        .userName(row.get("email"))
                        .email(row.get("email"))
                        .name(row.get("givenName"), row.get("familyName"))
                        .title(row.get("title"))
                        .enterprise(EnterpriseUser.builder().department(row.get("department")).build())
                        .build());
            }
        }
        exchange.getMessage().setBody(people);
    }
}
