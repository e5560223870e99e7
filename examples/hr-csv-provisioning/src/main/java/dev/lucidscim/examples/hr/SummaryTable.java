package dev.lucidscim.examples.hr;

import java.util.List;
import java.util.Locale;

import dev.lucidscim.examples.hr.ProvisioningRun.Result;
import dev.lucidscim.error.OneLine;

/**
 * The summary printed after each file: a table of outcomes, the reasons of failures and rejected rows, and one
 * machine-readable {@code SUMMARY} line (what CI checks). Every value that comes from the HR file or from Lucid's
 * answers (file and group names, reasons, failure details) goes through {@link OneLine}, so that none can print a
 * line of its own, such as a second {@code SUMMARY} line.
 */
public final class SummaryTable {

    private SummaryTable() {
    }

    public static String render(ProvisioningRun run, String target, String errorFile) {
        StringBuilder out = new StringBuilder();
        out.append("\nHR feed ").append(OneLine.of(run.fileName())).append(" -> ").append(OneLine.of(target))
                .append('\n');
        out.append("+-------------+-------+--------+\n");
        out.append("| outcome     | users | groups |\n");
        out.append("+-------------+-------+--------+\n");
        for (Result result : Result.values()) {
            out.append(String.format("| %-11s | %5d | %6s |%n", result.name().toLowerCase(Locale.ROOT),
                    run.users(result),
                    result == Result.DEACTIVATED ? "" : Integer.toString(run.groups(result))));
        }
        out.append("+-------------+-------+--------+\n");
        List<RejectedRow> rejected = run.rejectedRows();
        if (!rejected.isEmpty()) {
            out.append("Rejected before any request: ").append(rejected.size()).append(" row(s), written to ")
                    .append(OneLine.of(errorFile)).append('\n');
            rejected.forEach(row -> out.append("  line ").append(row.line()).append(": ")
                    .append(OneLine.of(row.reason())).append('\n'));
        }
        if (!run.failures().isEmpty()) {
            out.append("Failed at Lucid:\n");
            run.failures().forEach(failure -> out.append("  ")
                    .append(failure.line() > 0 ? "line " + failure.line() + " " : "")
                    .append(OneLine.of(failure.who())).append(": ").append(OneLine.of(failure.reason()))
                    .append('\n'));
        }
        if (!run.excludedGroups().isEmpty()) {
            out.append("Groups skipped (exclude list): ").append(OneLine.of(String.join(", ", run.excludedGroups())))
                    .append('\n');
        }
        out.append(summaryLine(run)).append('\n');
        return out.toString();
    }

    /** One line with every count, for scripts: {@code SUMMARY created=.. updated=.. ...}. */
    public static String summaryLine(ProvisioningRun run) {
        return FeedCounts.of(run).summaryLine();
    }
}
