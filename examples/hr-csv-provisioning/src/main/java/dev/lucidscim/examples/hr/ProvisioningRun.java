package dev.lucidscim.examples.hr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one HR file did to Lucid, as it happens: counts per outcome for users and groups, the Lucid id of every
 * person provisioned (for managers and group members), failures with their reasons, and the rows rejected before
 * any request. Thread-safe, so that routes may process rows in parallel.
 */
public final class ProvisioningRun {

    /** What happened to a person or a group. */
    public enum Result {
        CREATED, UPDATED, UNCHANGED, DEACTIVATED, FAILED;

        /** The result of a component outcome header (created, updated, reactivated, unchanged, deactivated, ...). */
        public static Result of(String outcome) {
            return switch (outcome) {
                case "created" -> CREATED;
                case "unchanged" -> UNCHANGED;
                case "deactivated" -> DEACTIVATED;
                default -> UPDATED;
            };
        }
    }

    /** A person or group that failed at Lucid, and why. */
    public record Failure(long line, String who, String reason) {
    }

    private final String fileName;
    private final Map<Result, Integer> users = new EnumMap<>(Result.class);
    private final Map<Result, Integer> groups = new EnumMap<>(Result.class);
    private final Map<String, String> lucidIds = new ConcurrentHashMap<>();
    private final Map<String, List<String>> membersByGroup = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<String> excludedGroups = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();

    public ProvisioningRun(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public synchronized void userDone(HrRow row, Result result, String lucidId) {
        users.merge(result, 1, Integer::sum);
        if (lucidId != null) {
            lucidIds.put(row.email(), lucidId);
        }
    }

    public synchronized void userFailed(HrRow row, Throwable cause) {
        users.merge(Result.FAILED, 1, Integer::sum);
        failures.add(new Failure(row.line(), row.email(), describe(cause)));
    }

    public synchronized void groupDone(String name, Result result) {
        groups.merge(result, 1, Integer::sum);
    }

    public synchronized void groupFailed(String name, Throwable cause) {
        groups.merge(Result.FAILED, 1, Integer::sum);
        failures.add(new Failure(0, "group " + name, describe(cause)));
    }

    public synchronized void groupExcluded(String name) {
        excludedGroups.add(name);
    }

    public synchronized void rejected(List<RejectedRow> rows) {
        rejected.addAll(rows);
    }

    /** The Lucid id of a person provisioned in this run, or null. */
    public String lucidIdOf(String email) {
        return lucidIds.get(email);
    }

    public synchronized int users(Result result) {
        return users.getOrDefault(result, 0);
    }

    public synchronized int groups(Result result) {
        return groups.getOrDefault(result, 0);
    }

    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    public synchronized List<String> excludedGroups() {
        return List.copyOf(excludedGroups);
    }

    public synchronized List<RejectedRow> rejectedRows() {
        return List.copyOf(rejected);
    }

    /** Remembers who belongs in a department group, as rows are provisioned. */
    public synchronized void member(String group, String lucidId) {
        membersByGroup.computeIfAbsent(group, name -> new ArrayList<>()).add(lucidId);
    }

    public synchronized Map<String, List<String>> membersByGroup() {
        return new TreeMap<>(membersByGroup);
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
