package dev.lucidscim.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The runs of a list of records, as {@link AuditLedger#runs} answers. */
public final class AuditRuns {

    private AuditRuns() {
    }

    /** @return the runs, newest (by first write) first, at most {@code limit} */
    public static List<AuditRun> of(List<AuditRecord> records, int limit) {
        Map<String, List<AuditRecord>> byRun = new LinkedHashMap<>();
        records.forEach(record -> byRun.computeIfAbsent(record.runId(), run -> new ArrayList<>())
                .add(record));
        return byRun.values().stream().map(AuditRuns::run)
                .sorted(Comparator.comparing(AuditRun::started).reversed()).limit(limit).toList();
    }

    private static AuditRun run(List<AuditRecord> records) {
        AuditRecord first = records.get(0);
        Map<String, Integer> outcomes = new TreeMap<>();
        records.forEach(record -> outcomes.merge(record.outcome(), 1, Integer::sum));
        return new AuditRun(first.runId(), first.operation(), first.planId(), first.time(),
                records.get(records.size() - 1).time(), outcomes);
    }
}
