package dev.lucidscim.benchmarks;

import java.util.Locale;

/**
 * The least time the same work can take against the tenant: the larger of what its rate limit allows
 * (requests / rate) and what its round trips need at the concurrency configured (pages x latency / pages in flight +
 * writes x latency / writes in flight). The requests counted are the pages and writes served, not the 429s.
 */
record PhysicalMinimum(LucidLikeTenant tenant, long pages, long writes, int pagesInFlight, int writesInFlight) {

    double seconds() {
        double byRate = (pages + writes) / tenant.requestsPerSecond();
        double byRoundTrips = pages * tenant.latencySeconds() / pagesInFlight
                              + (writes == 0 ? 0 : writes * tenant.latencySeconds() / writesInFlight);
        return Math.max(byRate, byRoundTrips);
    }

    String describe() {
        return String.format(Locale.ROOT, "minimum %.1f s = max(%d requests / %.0f/s, %d pages x %d ms / %d in flight"
                                          + " + %d writes x %d ms / %d in flight)", seconds(), pages + writes,
                tenant.requestsPerSecond(), pages, tenant.latency().toMillis(), pagesInFlight, writes,
                tenant.latency().toMillis(), writesInFlight);
    }
}
