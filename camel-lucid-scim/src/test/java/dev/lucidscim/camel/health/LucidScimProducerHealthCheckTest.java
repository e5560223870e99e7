package dev.lucidscim.camel.health;

import java.time.Duration;
import java.util.List;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.TestTokens;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer health check: UP while Lucid answers with the token, DOWN with the status and advice when it refuses
 * the token or is down, quickly (no retries), and never a token in what it reports.
 */
class LucidScimProducerHealthCheckTest {

    private LucidScimSimulator lucid;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        lucid = LucidScimSimulator.builder().token(TestTokens.SIMULATOR_CUSTOM).build().start();
        context = new DefaultCamelContext();
        LucidScimComponent component = new LucidScimComponent();
        component.getConfiguration().setTenantUrl(lucid.baseUrl());
        component.getConfiguration().setBearerToken(TestTokens.SIMULATOR_CUSTOM);
        context.addComponent("lucid-scim", component);
        context.getPropertiesComponent().addInitialProperty("lucid.revoked-token", TestTokens.REVOKED);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.setExposureLevel("full");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:provision").to("lucid-scim:users?operation=upsert");
                from("direct:revoked")
                        .to("lucid-scim:users?operation=upsert&bearerToken=RAW({{lucid.revoked-token}})");
            }
        });
        context.start();
        health.getRepository("producers").orElseThrow().setEnabled(true);
    }

    @AfterEach
    void stop() {
        context.stop();
        lucid.stop();
    }

    private List<HealthCheck.Result> producerResults() {
        return HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:lucid-scim-")).toList();
    }

    @Test
    void upWithTheRightTokenDownWithARevokedOne() {
        List<HealthCheck.Result> results = producerResults();

        assertThat(results).hasSize(2);
        assertThat(results).extracting(HealthCheck.Result::getState)
                .containsExactlyInAnyOrder(HealthCheck.State.UP, HealthCheck.State.DOWN);
        HealthCheck.Result down = results.stream().filter(r -> r.getState() == HealthCheck.State.DOWN)
                .findFirst().orElseThrow();
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401)
                .containsEntry(LucidScimProducerHealthCheck.TENANT_URL, lucid.baseUrl());
        assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("Admin > App Integration > SCIM"));
        assertThat(down.getCheck().isLiveness()).as("Lucid down is no reason to restart").isFalse();
        assertNoTokenIn(results);
    }

    @Test
    void lucidDownIsReportedQuicklyWithoutRetries() {
        lucid.faults().add(FaultRule.respond(503).onlyFor("GET", "/Users"));
        long requestsBefore = lucid.requests().size();

        long start = System.nanoTime();
        List<HealthCheck.Result> results = producerResults();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(results).extracting(HealthCheck.Result::getState).containsOnly(HealthCheck.State.DOWN);
        assertThat(results).anySatisfy(result -> assertThat(result.getDetails())
                .containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 503));
        assertThat(lucid.requests().size() - requestsBefore).as("one request per check, no retry").isEqualTo(2);
        assertThat(took).as("no backoff waits").isLessThan(Duration.ofSeconds(5));
        assertNoTokenIn(results);
    }

    @Test
    void aRateLimitStillMeansReachable() {
        lucid.faults().add(FaultRule.respond(429).withRetryAfter(Duration.ofSeconds(30)).onlyFor("GET", "/Users"));

        List<HealthCheck.Result> results = producerResults();

        assertThat(results).extracting(HealthCheck.Result::getState).containsOnly(HealthCheck.State.UP);
        assertThat(results).allSatisfy(result -> assertThat(result.getDetails())
                .containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 429));
    }

    private static void assertNoTokenIn(List<HealthCheck.Result> results) {
        for (HealthCheck.Result result : results) {
            String shown = result.getDetails() + " " + result.getMessage().orElse("") + " "
                           + result.getError().map(Throwable::toString).orElse("") + " " + result.getCheck().getId();
            assertThat(shown).doesNotContain(TestTokens.SIMULATOR_CUSTOM).doesNotContain(TestTokens.REVOKED);
        }
    }
}
