package dev.lucidscim.camel.producer.reconcile;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lucidscim.camel.producer.IgnoredAttribute;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.plan.ChangePlan;

/**
 * What a reconcile did (or, for a dry run or a tripped threshold, would do): counts per action and result, one
 * item per user and one per group of the roster. It renders as JSON ({@link #toJson()}) and as a plain-text table ({@link #toTable()}).
 *
 * @param dryRun          whether nothing was meant to be applied
 * @param applied         whether the plan was applied (false for a dry run and a tripped threshold)
 * @param managedUsers    how many active Lucid users this reconcile manages
 * @param listingRequests how many requests the directory listing took
 * @param items           one per user, roster and Lucid users alike, in plan order
 * @param groups          one per group of the roster, in roster order (none when the roster names no groups)
 * @param ignoredAttributes the attribute paths the tenant does not keep, as known at the end of the run (found by
 *                          this run or before), left out of every user's write; none when the tenant keeps all
 * @param plan            the writes as a plan that can be stored, reviewed and applied later
 *                        ({@code operation=apply}): given by a dry run and by a tripped threshold, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReconcileReport(boolean dryRun, boolean applied, int managedUsers, int listingRequests,
                              List<ReconcileItem> items, List<GroupReconcileItem> groups,
                              List<IgnoredAttribute> ignoredAttributes, ChangePlan plan) {

    public ReconcileReport {
        items = List.copyOf(items);
        groups = groups == null ? List.of() : List.copyOf(groups);
        ignoredAttributes = ignoredAttributes == null ? List.of() : List.copyOf(ignoredAttributes);
    }

    /** The report with its plan. */
    public ReconcileReport withPlan(ChangePlan newPlan) {
        return new ReconcileReport(dryRun, applied, managedUsers, listingRequests, items, groups, ignoredAttributes,
                newPlan);
    }

    /** How many users each action applies to. */
    @JsonProperty("actions")
    public Map<ReconcileAction, Integer> actionCounts() {
        Map<ReconcileAction, Integer> counts = new EnumMap<>(ReconcileAction.class);
        for (ReconcileAction action : ReconcileAction.values()) {
            counts.put(action, count(action));
        }
        return counts;
    }

    /** How many items ended with each result. */
    @JsonProperty("results")
    public Map<ReconcileItem.Result, Integer> resultCounts() {
        Map<ReconcileItem.Result, Integer> counts = new EnumMap<>(ReconcileItem.Result.class);
        for (ReconcileItem item : items) {
            counts.merge(item.result(), 1, Integer::sum);
        }
        return counts;
    }

    /** How many groups each action applies to. */
    @JsonProperty("groupActions")
    public Map<GroupAction, Integer> groupActionCounts() {
        Map<GroupAction, Integer> counts = new EnumMap<>(GroupAction.class);
        for (GroupAction action : GroupAction.values()) {
            counts.put(action, (int) groups.stream().filter(group -> group.action() == action).count());
        }
        return counts;
    }

    public int count(ReconcileAction action) {
        return (int) items.stream().filter(item -> item.action() == action).count();
    }

    /** The writes the plan needs: creates, updates, reactivations and deactivations. */
    public int plannedWrites() {
        return count(ReconcileAction.CREATE) + count(ReconcileAction.UPDATE) + count(ReconcileAction.REACTIVATE)
               + count(ReconcileAction.DEACTIVATE);
    }

    /** The group writes the plan needs: creates and membership changes. */
    public int plannedGroupWrites() {
        return (int) groups.stream().filter(group -> group.action() == GroupAction.CREATE
                                                     || group.action() == GroupAction.UPDATE).count();
    }

    /** The users whose write was skipped: they changed at Lucid since the plan was made. */
    public List<ReconcileItem> skipped() {
        return items.stream().filter(item -> item.result() == ReconcileItem.Result.SKIPPED).toList();
    }

    /** The users whose write failed. */
    public List<ReconcileItem> failures() {
        return items.stream().filter(item -> item.result() == ReconcileItem.Result.FAILED).toList();
    }

    /** The groups whose write failed. */
    public List<GroupReconcileItem> groupFailures() {
        return groups.stream().filter(group -> group.result() == ReconcileItem.Result.FAILED).toList();
    }

    public String toJson() {
        return ScimJson.toJson(this);
    }

    /** A table a person can read in a log or a terminal: counts, then every user with an action or a failure. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "Reconcile plan (dry run: nothing changed)\n"
                : applied ? "Reconcile applied\n" : "Reconcile NOT applied\n");
        Map<String, Integer> counts = new LinkedHashMap<>();
        actionCounts().forEach((action, count) -> counts.put(action.name().toLowerCase(Locale.ROOT), count));
        counts.forEach((action, count) -> out.append(String.format("  %-11s %6d%n", action, count)));
        out.append(String.format("  managed users %d, listing requests %d%n", managedUsers, listingRequests));
        out.append(String.format("%-11s %-8s %-40s %-16s %s%n", "action", "result", "user", "id", "detail"));
        for (ReconcileItem item : items) {
            if (item.action() == ReconcileAction.UNCHANGED || item.action() == ReconcileAction.UNMANAGED) {
                continue;
            }
            String detail = item.error() != null ? item.error()
                    : item.changedAttributes().isEmpty() ? "" : String.join(", ", item.changedAttributes());
            if (item.note() != null) {
                detail = detail.isEmpty() ? item.note() : detail + "; " + item.note();
            }
            // names, ids and errors come from the roster and from Lucid: one line each, so no row can forge another
            out.append(String.format("%-11s %-8s %-40s %-16s %s%n", item.action().name().toLowerCase(Locale.ROOT),
                    item.result().name().toLowerCase(Locale.ROOT), OneLine.of(item.userName()),
                    item.id() == null ? "-" : OneLine.of(item.id()), OneLine.of(detail)));
        }
        if (!groups.isEmpty()) {
            appendGroups(out);
        }
        if (!ignoredAttributes.isEmpty()) {
            out.append("Ignored attributes (the tenant does not keep them: left out of every write)\n");
            ignoredAttributes.forEach(ignored -> out.append(String.format("  %-60s %s%n", OneLine.of(ignored.path()),
                    ignored.reason())));
        }
        return out.toString();
    }

    private void appendGroups(StringBuilder out) {
        out.append("Groups\n");
        groupActionCounts().forEach((action, count) -> out.append(String.format("  %-11s %6d%n",
                action.name().toLowerCase(Locale.ROOT), count)));
        out.append(String.format("%-11s %-8s %-40s %-24s %s%n", "action", "result", "group", "id", "detail"));
        for (GroupReconcileItem group : groups) {
            if (group.action() == GroupAction.UNCHANGED) {
                continue;
            }
            String detail = group.error() != null ? group.error()
                    : "+" + group.membersAdded().size() + " -" + group.membersRemoved().size()
                      + (group.addOnly() ? " (members only added: someone of the group failed)" : "");
            out.append(String.format("%-11s %-8s %-40s %-24s %s%n", group.action().name().toLowerCase(Locale.ROOT),
                    group.result().name().toLowerCase(Locale.ROOT), OneLine.of(group.displayName()),
                    group.id() == null ? "-" : OneLine.of(group.id()), OneLine.of(detail)));
        }
    }

    @Override
    public String toString() {
        return "ReconcileReport[dryRun=" + dryRun + ", applied=" + applied + ", actions=" + actionCounts()
               + (groups.isEmpty() ? "" : ", groupActions=" + groupActionCounts()) + "]";
    }
}
