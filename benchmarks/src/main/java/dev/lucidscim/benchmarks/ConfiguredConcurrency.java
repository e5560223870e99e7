package dev.lucidscim.benchmarks;

import dev.lucidscim.camel.LucidScimEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * What "in flight" means for a run's minimum: the concurrency its endpoint is configured with, read from the
 * endpoint itself (its defaults included). Writes: {@code reconcileConcurrency}. Pages: {@code pagesInFlight} where
 * the component has that option, else 1 (a listing read page by page).
 */
record ConfiguredConcurrency(int pagesInFlight, int writesInFlight) {

    static ConfiguredConcurrency of(CamelContext context, String endpointUri) {
        LucidScimEndpoint endpoint = context.getEndpoint(endpointUri, LucidScimEndpoint.class);
        Object pages = PluginHelper.getBeanIntrospection(context).getOrElseProperty(endpoint.getConfiguration(),
                "pagesInFlight", 1, false);
        return new ConfiguredConcurrency(((Number) pages).intValue(),
                endpoint.getConfiguration().getReconcileConcurrency());
    }

    /** Whether the component has this endpoint option (some arrive on other branches than this one). */
    static boolean hasOption(CamelContext context, String option) {
        return context.getCamelContextExtension().getEndpointUriFactory("lucid-scim").propertyNames()
                .contains(option);
    }
}
