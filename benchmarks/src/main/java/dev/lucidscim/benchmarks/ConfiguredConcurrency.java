package dev.lucidscim.benchmarks;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimEndpoint;
import org.apache.camel.CamelContext;

/**
 * What "in flight" means for a run's minimum: the concurrency its endpoint is configured with, read from the
 * endpoint itself (its defaults included): {@code pagesInFlight} for a listing's pages, {@code reconcileConcurrency}
 * for reconcile's writes.
 */
record ConfiguredConcurrency(int pagesInFlight, int writesInFlight) {

    static ConfiguredConcurrency of(CamelContext context, String endpointUri) {
        LucidScimConfiguration configuration = context.getEndpoint(endpointUri, LucidScimEndpoint.class)
                .getConfiguration();
        return new ConfiguredConcurrency(configuration.getPagesInFlight(), configuration.getReconcileConcurrency());
    }
}
