package dev.lucidscim.audit;

import java.time.Instant;
import java.util.Map;

/**
 * A run as the ledger shows it: its id, operation, the time of its first and last write, and how many writes ended
 * with each outcome.
 */
public record AuditRun(String runId, String operation, String planId, Instant started, Instant ended,
                       Map<String, Integer> outcomes) {

    public AuditRun {
        outcomes = Map.copyOf(outcomes);
    }
}
