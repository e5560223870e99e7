package dev.lucidscim.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/** The {@code name} complex attribute of a user. Sub-attributes this class does not know are kept in {@code extra}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimName(
        String formatted,
        String familyName,
        String givenName,
        String middleName,
        String honorificPrefix,
        String honorificSuffix,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ScimName {
        extra = Attributes.copyOf(extra);
    }

    public static ScimName of(String givenName, String familyName) {
        return new ScimName(null, familyName, givenName, null, null, null, null);
    }
}
