package dev.lucidscim.camel.producer;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.camel.LucidScimOutcome;
import org.apache.camel.Message;

/**
 * What the producers of one endpoint did, per operation: how many messages ended with each outcome (the
 * {@code CamelLucidScimOutcome} they carry) and how many failed, by exception type. Outcomes are counted with
 * adders made up front, so a success costs one header look-up and one increment; failures are rare and may allocate.
 */
public final class ProducerStatistics {

    /** The outcome of operations that set no {@code CamelLucidScimOutcome} header. */
    public static final String COMPLETED = "completed";
    /** The operation of a message whose operation could not be read (an unknown name, none at all). */
    public static final String UNKNOWN_OPERATION = "unknown";
    /**
     * Operations that leave the outcome header alone or remove it: a header on their message is an earlier step's.
     * Reconcile's per-user actions are in its report.
     */
    private static final Set<LucidScimOperation> WITHOUT_OUTCOME = EnumSet.of(LucidScimOperation.GET,
            LucidScimOperation.SEARCH, LucidScimOperation.RECONCILE);
    private static final LucidScimOutcome[] OUTCOMES = LucidScimOutcome.values();

    /** [operation][outcome], the last column for {@link #COMPLETED}. */
    private final LongAdder[][] outcomes = new LongAdder[LucidScimOperation.values().length][OUTCOMES.length + 1];
    private final Map<Failure, LongAdder> failures = new ConcurrentHashMap<>();

    private record Failure(String operation, String exception) {
    }

    public ProducerStatistics() {
        for (LongAdder[] row : outcomes) {
            for (int column = 0; column < row.length; column++) {
                row[column] = new LongAdder();
            }
        }
    }

    void succeeded(LucidScimOperation operation, Message message) {
        String outcome = WITHOUT_OUTCOME.contains(operation) ? null
                : message.getHeader(LucidScimConstants.OUTCOME, String.class);
        int column = outcome == null ? OUTCOMES.length : LucidScimOutcome.ofHeader(outcome).ordinal();
        outcomes[operation.ordinal()][column].increment();
    }

    /** @param operation null when the message's operation could not be read */
    void failed(LucidScimOperation operation, Exception exception) {
        failures.computeIfAbsent(new Failure(operation == null ? UNKNOWN_OPERATION : operation.toString(),
                exception.getClass().getSimpleName()), failure -> new LongAdder()).increment();
    }

    /** Calls back for every operation and outcome counted at least once. */
    public void forEachOutcome(CountConsumer consumer) {
        for (LucidScimOperation operation : LucidScimOperation.values()) {
            LongAdder[] row = outcomes[operation.ordinal()];
            for (int column = 0; column < row.length; column++) {
                long count = row[column].sum();
                if (count > 0) {
                    consumer.accept(operation.toString(),
                            column < OUTCOMES.length ? OUTCOMES[column].toString() : COMPLETED,
                            count);
                }
            }
        }
    }

    /** Calls back for every operation and exception type (simple class name) that failed at least once. */
    public void forEachFailure(CountConsumer consumer) {
        failures.forEach((failure, count) -> consumer.accept(failure.operation(), failure.exception(), count.sum()));
    }

    @FunctionalInterface
    public interface CountConsumer {
        /** @param kind the outcome, or the exception's simple class name */
        void accept(String operation, String kind, long count);
    }
}
