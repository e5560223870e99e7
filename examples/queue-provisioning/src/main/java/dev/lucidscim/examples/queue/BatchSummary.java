package dev.lucidscim.examples.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.lucidscim.camel.LucidScimOutcome;

/**
 * The summary printed after the sample batch: a table of results, the events that needed redeliveries, the
 * dead-lettered ones with their reasons, and one machine-readable {@code SUMMARY} line.
 */
public final class BatchSummary {

    private BatchSummary() {
    }

    public static String render(List<EventResult> results, String broker, String target) {
        Map<String, Long> counts = counts(results);
        StringBuilder out = new StringBuilder();
        out.append("\nEvents from queue ").append(Queues.EVENTS).append(" on ").append(broker).append('\n')
                .append("provisioned into ").append(target).append('\n');
        out.append("+---------------+--------+\n");
        out.append("| result        | events |\n");
        out.append("+---------------+--------+\n");
        counts.forEach((outcome, count) -> out.append(String.format("| %-13s | %6d |%n", outcome, count)));
        out.append("+---------------+--------+\n");
        List<EventResult> redelivered = results.stream().filter(result -> !result.isDeadLettered())
                .filter(result -> result.attempts() > 1).toList();
        if (!redelivered.isEmpty()) {
            out.append("Provisioned after redelivery:\n");
            redelivered.forEach(result -> out.append("  ").append(result.describe()).append('\n'));
        }
        List<EventResult> deadLettered = results.stream().filter(EventResult::isDeadLettered).toList();
        if (!deadLettered.isEmpty()) {
            out.append("Dead-lettered to ").append(Queues.DEAD_LETTERS).append(":\n");
            deadLettered.forEach(result -> out.append("  ").append(result.describe()).append('\n'));
        }
        out.append(summaryLine(results.size(), counts, redelivered.size())).append('\n');
        return out.toString();
    }

    /** Every outcome of the component in its order, then the dead-lettered; outcomes that did not occur are left out. */
    private static Map<String, Long> counts(List<EventResult> results) {
        Map<String, Long> byOutcome = results.stream()
                .collect(Collectors.groupingBy(EventResult::outcome, Collectors.counting()));
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (LucidScimOutcome outcome : LucidScimOutcome.values()) {
            ordered.put(outcome.toString(), byOutcome.getOrDefault(outcome.toString(), 0L));
        }
        ordered.values().removeIf(count -> count == 0);
        ordered.put(EventResult.DEAD_LETTERED, byOutcome.getOrDefault(EventResult.DEAD_LETTERED, 0L));
        return ordered;
    }

    /** {@code SUMMARY events=20 created=7 ... dead_lettered=5 redelivered=1}, for scripts. */
    private static String summaryLine(int events, Map<String, Long> counts, int redelivered) {
        return "SUMMARY events=" + events + " " + counts.entrySet().stream()
                .map(entry -> entry.getKey().replace('-', '_') + "=" + entry.getValue())
                .collect(Collectors.joining(" ")) + " redelivered=" + redelivered;
    }
}
