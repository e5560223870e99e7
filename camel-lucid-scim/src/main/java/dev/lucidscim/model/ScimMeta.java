package dev.lucidscim.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** Read-only resource metadata set by the server; dates are ISO-8601 in JSON, read leniently. */
public record ScimMeta(
        String resourceType,
        @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime created,
        @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime lastModified,
        String location,
        String version,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ScimMeta {
        extra = Attributes.copyOf(extra);
    }
}
