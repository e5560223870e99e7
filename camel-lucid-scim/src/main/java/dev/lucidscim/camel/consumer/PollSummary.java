package dev.lucidscim.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import dev.lucidscim.camel.LucidScimChangeType;

/**
 * One finished poll of a lucid-scim consumer, as the dev console and metrics show it.
 *
 * @param started    when it started
 * @param duration   how long it took, deliveries to the route included
 * @param pages      listing pages read
 * @param deliveries exchanges sent to the route (in {@code all} mode one per resource listed)
 * @param changes    changes found, by type (none in {@code all} mode)
 */
public record PollSummary(Instant started, Duration duration, int pages, int deliveries,
                          Map<LucidScimChangeType, Integer> changes) {

    public PollSummary {
        // in the order of the enum, so that every view lists them alike
        changes = Collections.unmodifiableMap(changes.isEmpty() ? new EnumMap<>(LucidScimChangeType.class)
                : new EnumMap<>(changes));
    }
}
