package dev.lucidscim.benchmarks;

import java.util.Locale;

/**
 * One scenario's outcome: the component's rate and the baseline's, measured in the same run (medians of the measured
 * rounds), and what else the scenario observed (requests per row, heap, calls against the minimum).
 */
record Comparison(String scenario, double component, double baseline, String unit, String notes) {

    /** A size for a scenario name: 10k for 10,000, as it is for 350 (a scaled-down run). */
    static String size(int count) {
        return count % 1000 == 0 ? count / 1000 + "k" : String.valueOf(count);
    }

    double ratio() {
        return component / baseline;
    }

    String figures() {
        return String.format(Locale.ROOT, "%s: component %.1f %s, baseline %.1f %s%s", scenario, component, unit,
                baseline, unit, notes.isEmpty() ? "" : "; " + notes);
    }

    String ratioLine() {
        return String.format(Locale.ROOT, "RATIO %s component/baseline=%.2f", scenario, ratio());
    }
}
