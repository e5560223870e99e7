package dev.lucidscim.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The enterprise extension's {@code manager}: {@code value} is the manager's Lucid user id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimManager(
        String value,
        @JsonProperty("$ref") String ref,
        String displayName,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ScimManager {
        extra = Attributes.copyOf(extra);
    }

    public static ScimManager of(String managerId) {
        return new ScimManager(managerId, null, null, null);
    }
}
