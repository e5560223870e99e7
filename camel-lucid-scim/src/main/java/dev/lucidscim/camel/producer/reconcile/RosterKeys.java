package dev.lucidscim.camel.producer.reconcile;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.model.ScimUser;

/** How roster users and Lucid users are matched: userName without regard to case, externalId exactly. */
final class RosterKeys {

    private RosterKeys() {
    }

    static String of(ScimUser user, LucidScimMatchAttribute matchAttribute) {
        return normalize(matchAttribute.valueOf(user), matchAttribute);
    }

    /** The key of a remembered user (its tracked attributes as JSON), or null. */
    static String of(JsonNode tracked, LucidScimMatchAttribute matchAttribute) {
        JsonNode value = tracked.path(matchAttribute.name());
        return value.isTextual() ? normalize(value.asText(), matchAttribute) : null;
    }

    /** The key of a match value as the roster names managers and members. */
    static String ofValue(String value, LucidScimMatchAttribute matchAttribute) {
        return normalize(value, matchAttribute);
    }

    private static String normalize(String value, LucidScimMatchAttribute matchAttribute) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return matchAttribute == LucidScimMatchAttribute.userName ? value.strip().toLowerCase(Locale.ROOT)
                : value.strip();
    }
}
