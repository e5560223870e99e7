package dev.lucidscim.benchmarks;

import java.util.Locale;

/**
 * One remote scenario's outcome: its wall time (the work only: the JVM's and Camel's start are printed apart), what
 * it sent, and its physical minimum. The ratio is minimum / actual, so 1.00 is the physical limit.
 */
record RemoteOutcome(String scenario, double seconds, double camelStartSeconds, ServedRequests served,
                     PhysicalMinimum minimum, String notes) {

    double ratio() {
        return minimum.seconds() / seconds;
    }

    String figures() {
        return String.format(Locale.ROOT, "%s: %.1f s (Camel's start apart: %.1f s); %d requests, %d answered 429, "
                                          + "%d pages, %d writes; %s%s", scenario, seconds, camelStartSeconds,
                served.requests(), served.limited(), served.pages(), served.writes(), minimum.describe(),
                notes.isEmpty() ? "" : "; " + notes);
    }

    String ratioLine() {
        return String.format(Locale.ROOT, "RATIO %s minimum/actual=%.2f", scenario, ratio());
    }
}
