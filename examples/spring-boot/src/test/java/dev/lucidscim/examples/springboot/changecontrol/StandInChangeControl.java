package dev.lucidscim.examples.springboot.changecontrol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.audit.AuditRun;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PlannedChange;

/**
 * The page's {@link ChangeControl} in memory, for the page's tests until issue 17's component branches are merged
 * (then the tests use {@link ComponentChangeControl} against the simulator): pending plans a test holds, a ledger
 * with a record for each write of every plan applied, and the list of plans applied, to assert on.
 */
public final class StandInChangeControl implements ChangeControl {

    static final String TENANT = "stand-in.lucid.test";
    private static final Map<String, String> OUTCOME_OF_ACTION = Map.of("create", "created", "update", "updated",
            "deactivate", "deactivated", "reactivate", "reactivated");
    private static final Map<String, String> ACTION_UNDOING = Map.of("created", "deactivate", "updated", "update",
            "deactivated", "reactivate", "reactivated", "deactivate");

    private final Map<String, PendingApproval> pending = new LinkedHashMap<>();
    private final List<AuditRecord> ledger = new ArrayList<>();
    private final List<ChangePlan> applied = new ArrayList<>();

    public synchronized void reset() {
        pending.clear();
        ledger.clear();
        applied.clear();
    }

    /** What a tripped breaker would store. */
    public synchronized void hold(ChangePlan plan, String reason) {
        pending.put(plan.id(), new PendingApproval(plan, reason, Instant.now()));
    }

    /** Every plan applied so far (approved or reverting), in order. */
    public synchronized List<ChangePlan> applied() {
        return List.copyOf(applied);
    }

    @Override
    public synchronized List<AuditRun> runs() {
        Map<String, List<AuditRecord>> byRun = ledger.stream()
                .collect(Collectors.groupingBy(AuditRecord::runId, LinkedHashMap::new, Collectors.toList()));
        return byRun.values().stream().map(StandInChangeControl::run)
                .sorted(Comparator.comparing(AuditRun::started).reversed()).toList();
    }

    private static AuditRun run(List<AuditRecord> records) {
        AuditRecord first = records.get(0);
        Map<String, Integer> outcomes = records.stream()
                .collect(Collectors.toMap(AuditRecord::outcome, record -> 1, Integer::sum, TreeMap::new));
        return new AuditRun(first.runId(), first.operation(), first.planId(), first.time(),
                records.get(records.size() - 1).time(), outcomes);
    }

    @Override
    public synchronized List<AuditRecord> recordsOfRun(String runId) {
        return ledger.stream().filter(record -> record.runId().equals(runId)).toList();
    }

    @Override
    public synchronized List<PendingApproval> pendingPlans() {
        return List.copyOf(pending.values());
    }

    @Override
    public synchronized String approve(String planId, String approver) {
        apply(takePending(planId).plan(), "approve");
        return planId;
    }

    @Override
    public synchronized void reject(String planId, String rejecter) {
        takePending(planId);
    }

    private PendingApproval takePending(String planId) {
        return Optional.ofNullable(pending.remove(planId))
                .orElseThrow(() -> new ChangeControlFailure("no pending plan " + planId, null));
    }

    @Override
    public synchronized ChangePlan revertDryRun(String runId) {
        List<AuditRecord> records = new ArrayList<>(recordsOfRun(runId));
        if (records.isEmpty()) {
            throw new ChangeControlFailure("the ledger holds no write of run " + runId, null);
        }
        Collections.reverse(records);
        List<PlannedChange> undo = records.stream().map(record -> new PlannedChange(
                record.resourceType(), ACTION_UNDOING.get(record.outcome()), record.resourceId(), record.name(),
                record.version(), record.changes().stream()
                        .map(change -> new AttributeChange(change.path(), change.after(), change.before())).toList(),
                null, List.of(), null, List.of())).toList();
        return new ChangePlan(UUID.randomUUID().toString(), Instant.now(), TENANT, "revert", "stand-in", runId, undo);
    }

    @Override
    public synchronized String revert(String runId) {
        ChangePlan undo = revertDryRun(runId);
        apply(undo, "revert");
        return undo.id();
    }

    private void apply(ChangePlan plan, String operation) {
        for (PlannedChange write : plan.changes()) {
            ledger.add(new AuditRecord(ledger.size() + 1, Instant.now(), TENANT, operation, write.resourceType(),
                    write.id(), write.name(), "PATCH", write.changes(), OUTCOME_OF_ACTION.get(write.action()), 200,
                    "W/\"" + (ledger.size() + 2) + "\"", null, plan.id(), plan.id(), "stand-in", "", ""));
        }
        applied.add(plan);
    }
}
