package dev.lucidscim.benchmarks;

import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.RoutesBuilder;

/**
 * Measures one remote scenario: starts Camel against the simulator (timed apart), times the work, and takes what was
 * sent from the simulator's request log (seeding is not in it) and the concurrency from the endpoint.
 */
final class RemoteRun {

    /** The work measured; returns what else the scenario observed, for the figures. */
    interface Work {
        String run(CamelSide camel) throws Exception;
    }

    private RemoteRun() {
    }

    static RemoteOutcome measure(String scenario, LucidLikeTenant tenant, LucidScimSimulator lucid,
                                 String endpointUri, Work work, RoutesBuilder... routes) throws Exception {
        long starting = System.nanoTime();
        try (CamelSide camel = new CamelSide(lucid.baseUrl(), lucid.token(), routes)) {
            double camelStart = (System.nanoTime() - starting) / 1e9;
            ConfiguredConcurrency concurrency = ConfiguredConcurrency.of(camel.context, endpointUri);
            long started = System.nanoTime();
            String notes = work.run(camel);
            double seconds = (System.nanoTime() - started) / 1e9;
            ServedRequests served = ServedRequests.of(lucid.requests());
            PhysicalMinimum minimum = new PhysicalMinimum(tenant, served.pages(), served.writes(),
                    concurrency.pagesInFlight(), concurrency.writesInFlight());
            return new RemoteOutcome(scenario, seconds, camelStart, served, minimum, notes);
        }
    }
}
