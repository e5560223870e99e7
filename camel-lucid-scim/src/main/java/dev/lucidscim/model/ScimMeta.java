package dev.lucidscim.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/** Read-only resource metadata set by the server; dates are ISO-8601 in JSON. */
public record ScimMeta(
        String resourceType,
        OffsetDateTime created,
        OffsetDateTime lastModified,
        String location,
        String version,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ScimMeta {
        extra = Attributes.copyOf(extra);
    }
}
