package dev.lucidscim.examples.springboot;

import java.util.Map;

import dev.lucidscim.simulator.LucidScimSimulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The webhook service. With {@code LUCID_SCIM_TOKEN} set it provisions into that tenant; without, it starts the
 * embedded Lucid simulator and provisions there, so the service can be tried with nothing but Java and Maven.
 */
@SpringBootApplication
public class WebhookProvisioningApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(WebhookProvisioningApplication.class);
        String token = System.getenv("LUCID_SCIM_TOKEN");
        if (token == null || token.isBlank()) {
            LucidScimSimulator simulator = LucidScimSimulator.builder().build().start();
            // application.yaml falls back to these when LUCID_SCIM_TOKEN and LUCID_SCIM_URL are not set
            application.setDefaultProperties(Map.of("lucid.simulator.url", simulator.baseUrl(),
                    "lucid.simulator.token", simulator.token()));
            application.addListeners((ContextClosedEvent closed) -> simulator.stop());
            System.out.println("LUCID_SCIM_TOKEN is not set: provisioning into the embedded Lucid simulator at "
                               + simulator.baseUrl());
        }
        application.run(args);
    }
}
