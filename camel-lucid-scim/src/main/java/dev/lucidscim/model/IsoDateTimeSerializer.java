package dev.lucidscim.model;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Writes {@code meta} dates as RFC 7643 wants them, ISO-8601 with the offset, whatever mapper writes the model: a
 * mapper without Jackson's Java time module (camel-jackson's default, any application's plain {@code ObjectMapper})
 * would otherwise refuse the date. The same text as {@link ScimJson}'s mapper writes.
 */
final class IsoDateTimeSerializer extends StdScalarSerializer<OffsetDateTime> {

    IsoDateTimeSerializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
            throws IOException {
        generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
}
