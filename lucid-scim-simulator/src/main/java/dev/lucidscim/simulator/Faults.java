package dev.lucidscim.simulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The fault rules in force. Rules are checked in the order added; delays add up, the first other rule wins. */
public final class Faults {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    public Faults add(FaultRule rule) {
        rules.add(rule);
        return this;
    }

    public void clear() {
        rules.clear();
    }

    /** What happens to this request: total delay and the deciding rule (or null). */
    Decision decide(String method, String path) {
        long delayMillis = 0;
        StringBuilder applied = new StringBuilder();
        for (FaultRule rule : rules) {
            if (!rule.firesFor(method, path)) {
                continue;
            }
            if (rule.action() == FaultRule.Action.DELAY) {
                delayMillis += rule.delay().toMillis();
                applied.append(applied.isEmpty() ? "" : ", ").append(rule.describe());
                continue;
            }
            applied.append(applied.isEmpty() ? "" : ", ").append(rule.describe());
            return new Decision(delayMillis, rule, applied.toString());
        }
        return new Decision(delayMillis, null, applied.isEmpty() ? null : applied.toString());
    }

    /** The faults a request meets: a delay, then the rule that decides its fate (or none). */
    record Decision(long delayMillis, FaultRule rule, String description) {
    }
}
