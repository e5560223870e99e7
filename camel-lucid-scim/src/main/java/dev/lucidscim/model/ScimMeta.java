package dev.lucidscim.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Read-only resource metadata set by the server; dates are ISO-8601 in JSON, read leniently. The date (de)serializers
 * are named here rather than left to a mapper's modules, so that any Jackson 2 mapper reads and writes SCIM dates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimMeta(
        String resourceType,
        @JsonSerialize(using = IsoDateTimeSerializer.class)
        @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime created,
        @JsonSerialize(using = IsoDateTimeSerializer.class)
        @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime lastModified,
        String location,
        String version,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ScimMeta {
        extra = Attributes.copyOf(extra);
    }
}
