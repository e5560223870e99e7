package dev.lucidscim.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A reference to another resource: a group's {@code members} and a user's read-only {@code groups}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimReference(
        String value,
        String display,
        @JsonProperty("$ref") String ref,
        String type,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ScimReference {
        extra = Attributes.copyOf(extra);
    }

    /** A reference by id only: the form Lucid expects in membership PATCH operations. */
    public static ScimReference of(String id) {
        return new ScimReference(id, null, null, null, null);
    }
}
