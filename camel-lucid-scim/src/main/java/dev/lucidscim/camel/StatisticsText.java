package dev.lucidscim.camel;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * The client-side rate in force, such as {@code 25 requests/s}, {@code 17.2 of 40 requests/s (adaptive)} or
     * {@code none}.
     */
    public static String rate(TenantStatistics tenant) {
        if (tenant.requestsPerSecond() == 0) {
            return "none";
        }
        String inForce = perSecond(tenant.requestsPerSecond());
        return tenant.adaptiveRate() ? inForce + " of " + perSecond(tenant.configuredRequestsPerSecond())
                                       + " requests/s (adaptive)" : inForce + " requests/s";
    }

    /** Outcomes by operation, such as {@code create created=2, upsert unchanged=5}. */
    public static String outcomes(ProducerStatistics producers) {
        return byOperation(producers::forEachOutcome);
    }

    /** Failures by operation and exception type, such as {@code create ScimConflictException=1}. */
    public static String failures(ProducerStatistics producers) {
        return byOperation(producers::forEachFailure);
    }

    /** One decimal at most: 25, 17.2. */
    private static String perSecond(double rate) {
        return BigDecimal.valueOf(rate).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String byOperation(Consumer<ProducerStatistics.CountConsumer> counts) {
        StringJoiner line = new StringJoiner(", ");
        counts.accept((operation, kind, count) -> line.add(operation + " " + kind + "=" + count));
        return line.toString();
    }
}
