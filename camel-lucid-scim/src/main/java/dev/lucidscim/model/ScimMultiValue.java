package dev.lucidscim.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * One value of a multi-valued attribute with the common sub-attributes of RFC 7643 section 2.4: a user's
 * {@code emails}, {@code phoneNumbers} and {@code roles}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimMultiValue(
        String value,
        String display,
        String type,
        Boolean primary,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ScimMultiValue {
        extra = Attributes.copyOf(extra);
    }

    /** A primary work e-mail address, the shape Lucid and identity providers send. */
    public static ScimMultiValue workEmail(String address) {
        return new ScimMultiValue(address, null, "work", Boolean.TRUE, null);
    }

    /** A work phone number: the only phone type Lucid accepts. */
    public static ScimMultiValue workPhone(String number) {
        return new ScimMultiValue(number, null, "work", null, null);
    }

    /** A Lucid role, such as {@code AccountAdmin} or {@code Developer}. */
    public static ScimMultiValue role(String role) {
        return new ScimMultiValue(role, null, null, null, null);
    }
}
