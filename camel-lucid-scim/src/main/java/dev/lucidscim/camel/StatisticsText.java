package dev.lucidscim.camel;

import java.util.StringJoiner;
import java.util.function.Consumer;

import dev.lucidscim.camel.producer.ProducerStatistics;
import dev.lucidscim.client.TenantStatistics;

/**
 * Counts as one line of text, for JMX attributes and the dev console's text form: {@code GET 200=3, POST 201=1}.
 * Empty when nothing was counted.
 */
public final class StatisticsText {

    private StatisticsText() {
    }

    /** Requests by method and status, such as {@code GET 200=3, POST 201=1, GET none=1}. */
    public static String requests(TenantStatistics tenant) {
        StringJoiner line = new StringJoiner(", ");
        tenant.forEachRequestCount((method, status, count) -> line.add(method + " "
                                                                       + TenantStatistics.statusName(status) + "="
                                                                       + count));
        return line.toString();
    }

    /** Outcomes by operation, such as {@code create created=2, upsert unchanged=5}. */
    public static String outcomes(ProducerStatistics producers) {
        return byOperation(producers::forEachOutcome);
    }

    /** Failures by operation and exception type, such as {@code create ScimConflictException=1}. */
    public static String failures(ProducerStatistics producers) {
        return byOperation(producers::forEachFailure);
    }

    private static String byOperation(Consumer<ProducerStatistics.CountConsumer> counts) {
        StringJoiner line = new StringJoiner(", ");
        counts.accept((operation, kind, count) -> line.add(operation + " " + kind + "=" + count));
        return line.toString();
    }
}
