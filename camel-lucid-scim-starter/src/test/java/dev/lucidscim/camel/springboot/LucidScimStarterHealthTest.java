package dev.lucidscim.camel.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.camel.springboot.app.StarterTestApplication;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's producer health check on Spring Boot's actuator health endpoint, through Camel's health indicator:
 * UP with the tenant URL while Lucid answers, DOWN with the cause when it does not, and never the token; and the
 * actuator's env and configprops endpoints, which mask the token and the proxy password under any name.
 */
@SpringBootTest(classes = {StarterTestApplication.class, LucidScimStarterHealthTest.Routes.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.health.producers-enabled=true",
        "camel.health.exposure-level=full",
        "management.endpoint.health.show-details=always",
        "management.endpoints.web.exposure.include=health,env,configprops",
        "management.endpoint.env.show-values=always",
        "management.endpoint.configprops.show-values=always",
        // without a proxy host the component ignores the proxy password: it is here to be masked
        "camel.component.lucid-scim.proxy-password=" + LucidScimStarterHealthTest.PROXY_PASSWORD,
        "corporate.proxy.credential=" + LucidScimStarterHealthTest.PROXY_PASSWORD,
        "lucid.note=shown-because-show-values-is-on"
})
class LucidScimStarterHealthTest {

    private static final LucidScimSimulator LUCID = LucidScimSimulator.builder().token("starter-health-token-7d1e")
            .build().start();
    /** Taken once: the supplier is also read after a test stopped the simulator. */
    private static final String TENANT_URL = LUCID.baseUrl();
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROXY_PASSWORD = "starter-proxy-secret-41c7";

    @DynamicPropertySource
    static void lucid(DynamicPropertyRegistry properties) {
        properties.add("camel.component.lucid-scim.tenant-url", () -> TENANT_URL);
        properties.add("camel.component.lucid-scim.bearer-token", LUCID::token);
        // what the token is usually read from, and copies of it under names of the application's own
        properties.add("LUCID_SCIM_TOKEN", LUCID::token);
        properties.add("outbound.authorization-header", () -> "Bearer " + LUCID.token());
    }

    @TestConfiguration
    static class Routes {
        @Bean
        RouteBuilder lookup() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:lookup").routeId("lookup").to("lucid-scim:users?operation=get");
                }
            };
        }
    }

    /** Camel's indicator lists each check as {@code <id>: <state>}, with its details under {@code <id>.data}. */
    private record LucidCheck(String state, JsonNode data) {
        static LucidCheck in(String healthDocument) throws IOException {
            JsonNode checks = JSON.readTree(healthDocument).path("components").path("camelHealth").path("details");
            for (Iterator<String> ids = checks.fieldNames(); ids.hasNext(); ) {
                String id = ids.next();
                if (id.startsWith("producer:lucid-scim") && !id.endsWith(".data")) {
                    return new LucidCheck(checks.path(id).asText(), checks.path(id + ".data"));
                }
            }
            throw new AssertionError("no lucid-scim producer check in " + healthDocument);
        }
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopLucid() {
        LUCID.stop();
    }

    private HttpResponse<String> health() throws IOException, InterruptedException {
        return actuator("health");
    }

    private HttpResponse<String> actuator(String endpoint) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/" + endpoint)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** With show-values on, the actuator shows the tenant URL (so values are shown) but masks the token. */
    @Test
    void theActuatorMasksTheTokenWhenItShowsValues() throws Exception {
        for (String endpoint : new String[] { "env", "configprops" }) {
            HttpResponse<String> shown = actuator(endpoint);

            assertThat(shown.statusCode()).as(endpoint).isEqualTo(200);
            assertThat(shown.body()).as(endpoint).contains(TENANT_URL).doesNotContain(LUCID.token());
        }
    }

    /** Masked by value: keys that name no secret, whose values are (or hold) the token or the proxy password. */
    @Test
    void theActuatorMasksAnyPropertyHoldingTheTokenOrTheProxyPassword() throws Exception {
        HttpResponse<String> env = actuator("env");

        assertThat(env.statusCode()).isEqualTo(200);
        assertThat(env.body()).contains("shown-because-show-values-is-on").doesNotContain(LUCID.token())
                .doesNotContain(PROXY_PASSWORD);
        JsonNode document = JSON.readTree(env.body());
        for (String key : new String[] { "LUCID_SCIM_TOKEN", "outbound.authorization-header",
                "corporate.proxy.credential" }) {
            assertThat(document.findValues(key)).as(key).isNotEmpty()
                    .allSatisfy(property -> assertThat(property.path("value").asText()).isEqualTo("******"));
        }
    }

    @Test
    void lucidsReachabilityShowsOnTheActuator() throws Exception {
        HttpResponse<String> up = health();

        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        LucidCheck upCheck = LucidCheck.in(up.body());
        assertThat(upCheck.state()).isEqualTo("UP");
        assertThat(upCheck.data().path("lucid.tenant.url").asText()).isEqualTo(TENANT_URL);

        LUCID.stop();
        HttpResponse<String> down = health();

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(down.body()).path("status").asText()).isEqualTo("DOWN");
        LucidCheck downCheck = LucidCheck.in(down.body());
        assertThat(downCheck.state()).isEqualTo("DOWN");
        assertThat(downCheck.data().path("lucid.tenant.url").asText()).isEqualTo(TENANT_URL);
        assertThat(downCheck.data().path("http.response.code").asText()).as("no answer").isEqualTo("0");
        assertThat(downCheck.data().path("error.stacktrace").asText()).contains("Could not connect to");
        assertThat(up.body() + down.body()).doesNotContain(LUCID.token());
    }
}
