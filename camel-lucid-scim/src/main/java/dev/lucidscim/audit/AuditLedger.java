package dev.lucidscim.audit;

import java.util.List;

/**
 * Where every write the component makes is recorded. {@link #append} chains the record (gives it its sequence,
 * previous hash and hash) and returns it as stored; implementations shared by several nodes chain under a lock of
 * the store (the JDBC one: in one transaction), so that the chain stays one line whoever writes.
 */
public interface AuditLedger {

    /** Stores the record (its sequence, previousHash and hash are set here) and returns it as stored. */
    AuditRecord append(AuditRecord unchained);

    /** The records of one run, in ledger order; empty when the run is unknown. */
    List<AuditRecord> recordsOfRun(String runId);

    /** The runs, newest first, at most {@code limit}: what an operator chooses among. */
    List<AuditRun> runs(int limit);

    /** Every record, in ledger order, for {@code AuditChain.check}. */
    List<AuditRecord> all();
}
