package dev.lucidscim.camel;

import java.util.ArrayList;
import java.util.List;

import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.camel.consumer.PollStatistics;
import dev.lucidscim.camel.producer.ProducerStatistics;
import dev.lucidscim.client.TenantStatistics;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.util.URISupport;

/**
 * Where the lucid-scim counts of a Camel context are: one {@link TenantStatistics} per tenant host and component,
 * the producer outcomes of each endpoint used as a producer, and the polls of each consumer. The dev console, JMX
 * and the Spring Boot starter's meters read them here, so that they all show the same numbers. Endpoints are named
 * by their URI as Camel shows it (the token and passwords masked).
 */
public final class LucidScimStatistics {

    /** An endpoint that has producers, and what they did. */
    public record ProducerEndpoint(String endpointUri, String tenant, LucidScimResource resource,
                                   ProducerStatistics statistics) {
    }

    /** A route's lucid-scim consumer, and what its polls did. */
    public record PollingConsumer(String routeId, String endpointUri, String tenant, LucidScimResource resource,
                                  PollStatistics statistics) {
    }

    private LucidScimStatistics() {
    }

    /** Of every tenant a lucid-scim component of the context connected to. */
    public static List<TenantStatistics> tenants(CamelContext context) {
        List<TenantStatistics> tenants = new ArrayList<>();
        for (String name : context.getComponentNames()) {
            Component component = context.hasComponent(name);
            if (component instanceof LucidScimComponent lucid) {
                tenants.addAll(lucid.connections().statistics());
            }
        }
        return tenants;
    }

    /** Of every lucid-scim endpoint that started with a producer. */
    public static List<ProducerEndpoint> producers(CamelContext context) {
        List<ProducerEndpoint> producers = new ArrayList<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof LucidScimEndpoint lucid && lucid.producerStatistics() != null
                && lucid.tenantStatistics() != null) {
                producers.add(new ProducerEndpoint(shown(lucid), lucid.tenantStatistics().tenant(),
                        lucid.getResource(), lucid.producerStatistics()));
            }
        }
        return producers;
    }

    /** Of every route whose consumer is a started lucid-scim one. */
    public static List<PollingConsumer> consumers(CamelContext context) {
        List<PollingConsumer> consumers = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof LucidScimConsumer consumer
                && consumer.getEndpoint() instanceof LucidScimEndpoint lucid && lucid.tenantStatistics() != null) {
                consumers.add(new PollingConsumer(route.getRouteId(), shown(lucid), lucid.tenantStatistics().tenant(),
                        lucid.getResource(), consumer.getPollStatistics()));
            }
        }
        return consumers;
    }

    private static String shown(Endpoint endpoint) {
        return URISupport.sanitizeUri(endpoint.getEndpointUri());
    }
}
