package dev.lucidscim.camel.producer.reconcile;

import java.util.Collections;
import java.util.List;

/**
 * A group as the roster wants it: its {@code displayName} (Lucid matches groups on it, case-sensitively) and its
 * members by match value (userName or externalId, like the roster's users).
 */
public record RosterGroup(String displayName, List<String> members) {

    public RosterGroup {
        members = members == null ? List.of() : Collections.unmodifiableList(members);
    }
}
