package dev.lucidscim.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a random port against the Lucid simulator on loopback, for every test class of this module: they
 * share one Spring context, which Spring caches across classes, so there is one simulator for the whole run, stopped
 * with the JVM. Configuration comes from application.yaml, except what is set here, above anything the environment
 * holds: the tenant URL and token (a developer's LUCID_SCIM_TOKEN must never make a test provision into a real
 * tenant), the webhook secret and the monitoring password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hr.webhook.secret=" + WebhookServiceTestSupport.SECRET,
        "monitoring.password=" + WebhookServiceTestSupport.MONITORING_PASSWORD
})
abstract class WebhookServiceTestSupport {

    static final String SECRET = "webhook-test-secret-5c1f0e7a9b2d4c68";
    static final String MONITORING_PASSWORD = "monitoring-test-password-8e42";
    static final LucidScimSimulator LUCID = LucidScimSimulator.builder().token("webhook-test-token-3c8e").build()
            .start();
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LUCID::stop));
    }

    @DynamicPropertySource
    static void lucid(DynamicPropertyRegistry properties) {
        properties.add("camel.component.lucid-scim.tenant-url", LUCID::baseUrl);
        properties.add("camel.component.lucid-scim.bearer-token", LUCID::token);
    }

    @LocalServerPort
    int port;

    HrSystem hrSystem;

    @BeforeEach
    void emptyLucid() {
        LUCID.reset();
        hrSystem = new HrSystem(port, SECRET);
    }

    /** GET on the actuator, anonymous or, with a password, as the monitoring user. */
    HttpResponse<String> actuator(String path, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/"
                + path));
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("monitor:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static String joiner(String email, String title) {
        return """
                {"type":"joiner","employeeId":"E1042","email":"%s","firstName":"Ana","lastName":"Silva",
                 "department":"Finance","title":"%s","costCentre":"CC-7"}""".formatted(email, title);
    }
}
