package dev.lucidscim.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One attribute a write changed, or a plan means to change, with its value before and after (null when it had, or
 * gets, none). Paths are SCIM attribute paths as PATCH writes them ({@code name.givenName},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}); a group's membership is one change
 * per member, {@code members[value eq "<id>"]}, before null for an add and after null for a removal. Never a
 * password: the {@code password} path is written with both values null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttributeChange(String path, JsonNode before, JsonNode after) {

    /** A JSON null is no value: read back from JSON, "none" is the same as before it was written. */
    public AttributeChange {
        before = before == null || before.isNull() ? null : before;
        after = after == null || after.isNull() ? null : after;
    }

    /** The path of one member of a group. */
    public static String memberPath(String memberId) {
        return "members[value eq \"" + memberId + "\"]";
    }
}
