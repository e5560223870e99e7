package dev.lucidscim.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A ledger in this process's memory, for one node and tests: lost when the process ends, and it grows with every
 * write. For a ledger that lasts and that several nodes share, use {@code JdbcAuditLedger}.
 */
public final class MemoryAuditLedger implements AuditLedger {

    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized AuditRecord append(AuditRecord unchained) {
        AuditRecord chained = AuditChain.chain(unchained, records.isEmpty() ? null : records.get(records.size() - 1));
        records.add(chained);
        return chained;
    }

    @Override
    public synchronized List<AuditRecord> recordsOfRun(String runId) {
        return records.stream().filter(record -> runId.equals(record.runId())).toList();
    }

    @Override
    public synchronized List<AuditRun> runs(int limit) {
        return AuditRuns.of(records, limit);
    }

    @Override
    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }
}
