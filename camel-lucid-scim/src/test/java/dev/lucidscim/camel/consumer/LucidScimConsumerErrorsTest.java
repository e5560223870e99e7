package dev.lucidscim.camel.consumer;

import java.time.Duration;
import java.util.Optional;

import dev.lucidscim.camel.ConsumerHealthChecks;
import dev.lucidscim.camel.LogCapture;
import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.camel.TestTokens;
import dev.lucidscim.error.ScimAuthenticationException;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poll failures: a refused token shows in the consumer's health check (with the status), reaches the route's error
 * handler with bridgeErrorHandler, and pauses polling instead of hammering Lucid; a rate limit pauses without failing.
 */
class LucidScimConsumerErrorsTest extends CamelTestSupport {

    private static LucidScimSimulator lucid;

    @BeforeAll
    static void startLucid() {
        lucid = LucidScimSimulator.builder().token(TestTokens.SIMULATOR_CUSTOM).build().start();
    }

    @AfterAll
    static void stopLucid() {
        lucid.stop();
    }

    @BeforeEach
    void emptyLucid() {
        lucid.reset();
        lucid.seedUser("{\"userName\":\"a@example.com\",\"emails\":[{\"value\":\"a@example.com\"}]}");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LucidScimComponent component = SimulatedLucid.component(lucid);
        component.getConfiguration().setMaxRetries(0);
        context.addComponent("lucid-scim", component);
        context.getPropertiesComponent().addInitialProperty("lucid.revoked-token", TestTokens.REVOKED);
        ConsumerHealthChecks.register(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(ScimAuthenticationException.class).handled(true).to("mock:errors");
                from("lucid-scim:users?startScheduler=false&bearerToken=RAW({{lucid.revoked-token}})"
                     + "&bridgeErrorHandler=true&delay=60s&stateKey=revoked")
                        .routeId("revoked").to("mock:feed");
                from("lucid-scim:users?startScheduler=false&delay=60s").routeId("limited").to("mock:feed");
            }
        };
    }

    private void poll(String route) {
        ((LucidScimConsumer) context.getRoute(route).getConsumer()).run();
    }

    private Optional<HealthCheck.Result> health(String route) {
        return ConsumerHealthChecks.of(context, route);
    }

    @Test
    void aRefusedTokenReachesTheErrorHandlerShowsInHealthAndPausesPolling() throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMessageCount(1);

        poll("revoked");

        errors.assertIsSatisfied();
        assertThat(errors.getReceivedExchanges().get(0).getProperty("CamelExceptionCaught"))
                .isInstanceOf(ScimAuthenticationException.class);
        HealthCheck.Result result = health("revoked").orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        assertThat(String.valueOf(result.getDetails())).doesNotContain(TestTokens.REVOKED);

        long requests = lucid.requests().size();
        poll("revoked");
        poll("revoked");
        assertThat(lucid.requests().size()).as("paused: no request while the pause lasts").isEqualTo(requests);
        HealthCheck.Result paused = health("revoked").orElseThrow();
        assertThat(paused.getState()).as("still DOWN after polls that were skipped").isEqualTo(
                HealthCheck.State.DOWN);
        assertThat(paused.getDetails()).containsEntry(LucidScimConsumerHealthCheck.PAUSE_REASON, "token-refused");
        assertThat(paused.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("Lucid refused the bearer token"));
    }

    /** A broken or hostile server's Retry-After of decades: one hour at most, said in a WARN line and in health. */
    @Test
    void aRetryAfterOfDecadesPausesPollsForAnHourAtMost() {
        lucid.faults().add(FaultRule.respond(429).withRetryAfter(Duration.ofSeconds(999_999_999))
                .onlyFor("GET", "/Users"));

        String log;
        try (LogCapture capture = new LogCapture(Level.INFO, LucidScimConsumer.class.getName())) {
            poll("limited");
            log = capture.text();
        }

        assertThat(log).contains("WARN").contains("asked to wait 999999999 s (Retry-After)")
                .contains("the next poll waits 3600 s");
        HealthCheck.Result result = health("limited").orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry(LucidScimConsumerHealthCheck.PAUSE_REASON, "rate-limited")
                .containsEntry(LucidScimConsumerHealthCheck.RETRY_AFTER_REQUESTED, 999_999_999L);
        assertThat((long) result.getDetails().get(LucidScimConsumerHealthCheck.PAUSE_REMAINING)).isBetween(3_500L,
                3_600L);
    }

    @Test
    void aRateLimitDuringAPollBacksOffWithoutFailingIt() {
        lucid.faults().add(FaultRule.respond(429).withRetryAfter(Duration.ofSeconds(30)).onlyFor("GET", "/Users"));

        poll("limited");

        assertThat(health("limited").map(HealthCheck.Result::getState)).isNotEqualTo(
                Optional.of(HealthCheck.State.DOWN));
        long requests = lucid.requests().size();
        poll("limited");
        assertThat(lucid.requests().size()).as("the next poll waits for Retry-After").isEqualTo(requests);
        assertThat(getMockEndpoint("mock:feed").getReceivedCounter()).isZero();
    }
}
