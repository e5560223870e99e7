package dev.lucidscim.camel;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;

/** Camel's consumer health checks in a test context: registered with every detail shown, and one route's result. */
public final class ConsumerHealthChecks {

    private ConsumerHealthChecks() {
    }

    public static void register(CamelContext context) {
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.setExposureLevel("full");
        health.register(health.resolveById("consumers"));
    }

    public static Optional<HealthCheck.Result> of(CamelContext context, String routeId) {
        return HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().equals("consumer:" + routeId)).findFirst();
    }
}
