package dev.lucidscim.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * An error body (RFC 7644 section 3.12), read leniently: {@code status} may arrive as a string or a number, and
 * any field may be missing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimError(
        List<String> schemas,
        String status,
        String scimType,
        String detail,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ScimError {
        schemas = Attributes.copyOfNullable(schemas);
        extra = Attributes.copyOf(extra);
    }

    public static ScimError of(int status, String scimType, String detail) {
        return new ScimError(List.of(ScimSchemas.ERROR), Integer.toString(status), scimType, detail, null);
    }
}
