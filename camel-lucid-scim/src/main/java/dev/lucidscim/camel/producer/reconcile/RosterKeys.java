package dev.lucidscim.camel.producer.reconcile;

import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.model.ScimUser;

/** How roster users and Lucid users are matched: by {@link LucidScimMatchAttribute#key(String)}. */
final class RosterKeys {

    private RosterKeys() {
    }

    static String of(ScimUser user, LucidScimMatchAttribute matchAttribute) {
        return ofValue(matchAttribute.valueOf(user), matchAttribute);
    }

    /** The key of a match value as the roster names managers and members. */
    static String ofValue(String value, LucidScimMatchAttribute matchAttribute) {
        return matchAttribute.key(value);
    }
}
