package dev.lucidscim.benchmarks;

import dev.lucidscim.camel.LucidScimComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** The component's side of a scenario: a Camel context whose lucid-scim component points at the server. */
final class CamelSide implements AutoCloseable {

    final CamelContext context;
    final ProducerTemplate template;

    CamelSide(String tenantUrl, String token, RoutesBuilder... routes) throws Exception {
        context = new DefaultCamelContext();
        LucidScimComponent component = new LucidScimComponent();
        component.getConfiguration().setTenantUrl(tenantUrl);
        component.getConfiguration().setBearerToken(token);
        component.getConfiguration().setMaxConnections(64);
        context.addComponent("lucid-scim", component);
        for (RoutesBuilder route : routes) {
            context.addRoutes(route);
        }
        context.start();
        template = context.createProducerTemplate();
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.stop();
    }
}
