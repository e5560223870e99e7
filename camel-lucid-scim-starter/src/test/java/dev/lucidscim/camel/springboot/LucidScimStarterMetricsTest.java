package dev.lucidscim.camel.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.camel.springboot.app.StarterTestApplication;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component's counts as Micrometer meters in a Spring Boot application, with the tags the docs name, equal to the
 * requests the simulator saw; on /actuator/metrics and /actuator/prometheus; and the dev console on /actuator/camel.
 * Meters of series that appear after the application started (a first create, a first poll) show up by themselves.
 */
@SpringBootTest(classes = {StarterTestApplication.class, LucidScimStarterMetricsTest.Routes.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=metrics,prometheus,camel",
        "camel.main.dev-console-enabled=true"
})
class LucidScimStarterMetricsTest {

    private static final LucidScimSimulator LUCID = LucidScimSimulator.builder().token("starter-metrics-token-5c2a")
            .build().start();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void lucid(DynamicPropertyRegistry properties) {
        properties.add("camel.component.lucid-scim.tenant-url", LUCID::baseUrl);
        properties.add("camel.component.lucid-scim.bearer-token", LUCID::token);
    }

    @TestConfiguration
    static class Routes {
        @Bean
        RouteBuilder provisioning() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:create").routeId("create").to("lucid-scim:users?operation=create");
                    from("lucid-scim:users?startScheduler=false").routeId("feed").to("log:feed?level=DEBUG");
                }
            };
        }
    }

    @Autowired
    MeterRegistry registry;
    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camelContext;
    @LocalServerPort
    int port;

    @AfterAll
    static void stopLucid() {
        LUCID.stop();
    }

    @Test
    void countsAreMetersWithTheirTags() throws Exception {
        for (String name : new String[] { "ann", "bob" }) {
            template.sendBody("direct:create", ScimUser.builder().userName(name + "@example.com")
                    .email(name + "@example.com").build());
        }
        template.send("direct:create", exchange -> exchange.getMessage().setBody(ScimUser.builder()
                .userName("ann@example.com").email("ann@example.com").build()));
        ((LucidScimConsumer) camelContext.getRoute("feed").getConsumer()).run();
        String tenant = "127.0.0.1:" + LUCID.port();

        // registered by the binder's own refresh, not by the test: the series appeared after the start
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertMeters(tenant));

        HttpResponse<String> metric = actuator("metrics/lucid.scim.requests");
        assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
        JsonNode requests = JSON.readTree(metric.body());
        assertThat(requests.path("measurements").get(0).path("value").asDouble()).isEqualTo(4);
        assertThat(requests.path("availableTags").findValuesAsText("tag")).containsExactlyInAnyOrder("tenant",
                "method", "status");

        HttpResponse<String> prometheus = actuator("prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("lucid_scim_requests_total{method=\"POST\",status=\"201\",tenant=\""
                                               + tenant + "\"} 2.0");

        HttpResponse<String> console = actuator("camel/lucid-scim");
        assertThat(console.statusCode()).as(console.body()).isEqualTo(200);
        assertThat(console.body()).contains("\"tenant\":\"" + tenant + "\"").contains("ScimConflictException");

        assertThat(metric.body() + prometheus.body() + console.body()).doesNotContain(LUCID.token())
                .doesNotContain("ann@example.com");
    }

    private void assertMeters(String tenant) {
        assertThat(LUCID.requests().matching(r -> r.method().equals("POST") && r.status() == 201)).hasSize(2);
        assertThat(count(registry.get("lucid.scim.requests").tags("tenant", tenant, "method", "POST", "status",
                "201"))).isEqualTo(2);
        assertThat(count(registry.get("lucid.scim.requests").tags("tenant", tenant, "method", "POST", "status",
                "409"))).isEqualTo(1);
        assertThat(count(registry.get("lucid.scim.requests").tags("tenant", tenant, "method", "GET", "status",
                "200"))).isEqualTo(1);
        assertThat(count(registry.get("lucid.scim.outcomes").tags("tenant", tenant, "resource", "users",
                "operation", "create", "outcome", "created"))).isEqualTo(2);
        assertThat(count(registry.get("lucid.scim.failures").tags("tenant", tenant, "resource", "users",
                "operation", "create", "exception", "ScimConflictException"))).isEqualTo(1);
        assertThat(count(registry.get("lucid.scim.retries").tags("tenant", tenant))).isZero();
        assertThat(count(registry.get("lucid.scim.rate.limited").tags("tenant", tenant))).isZero();
        assertThat(count(registry.get("lucid.scim.retry.after.wait").tags("tenant", tenant))).isZero();
        assertThat(count(registry.get("lucid.scim.rate.limit.wait").tags("tenant", tenant))).isZero();
        assertThat(registry.get("lucid.scim.requests.in.flight").tags("tenant", tenant).gauge().value()).isZero();
        assertThat(registry.get("lucid.scim.requests.per.second").tags("tenant", tenant).gauge().value())
                .as("no requestsPerSecond").isZero();
        RequiredSearch feed = registry.get("lucid.scim.poll.changes").tags("tenant", tenant, "resource", "users",
                "route", "feed", "type", "created");
        assertThat(count(feed)).isEqualTo(2);
        assertThat(count(registry.get("lucid.scim.polls").tags("route", "feed"))).isEqualTo(1);
        assertThat(count(registry.get("lucid.scim.poll.pages").tags("route", "feed"))).isEqualTo(1);
        assertThat(count(registry.get("lucid.scim.poll.deliveries").tags("route", "feed"))).isEqualTo(2);
        assertThat(registry.get("lucid.scim.poll.last.start").tags("route", "feed").gauge().value()).isPositive();
        assertThat(registry.get("lucid.scim.poll.pause.remaining").tags("route", "feed").gauge().value()).isZero();
    }

    private static double count(RequiredSearch search) {
        return search.functionCounter().count();
    }

    private HttpResponse<String> actuator(String endpoint) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/" + endpoint)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
