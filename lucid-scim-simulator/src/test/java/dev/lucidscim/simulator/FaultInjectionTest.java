package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Injected trouble: answers, latency and dropped connections, on the triggers FaultRule offers. */
class FaultInjectionTest extends SimulatorTestSupport {

    @Test
    void everyThirdRequestIs429WithRetryAfterAndIsNotProcessed() {
        simulator.faults().add(FaultRule.respond(429).withRetryAfter(Duration.ofSeconds(2)).every(3));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            ScimClient.Response response = scim.post("/Users", Scim.user("user" + i + "@example.com"));
            statuses.add(response.status());
            if (i % 3 == 0) {
                assertThat(response.header("Retry-After")).hasValue("2");
                assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
                assertThat(response.json().path("status").asText()).isEqualTo("429");
            } else {
                assertThat(response.header("Retry-After")).isEmpty();
            }
        }

        assertThat(statuses).containsExactly(201, 201, 429, 201, 201, 429, 201, 201, 429);
        assertThat(simulator.userCount()).isEqualTo(6);
        assertThat(simulator.userByUserName("user3@example.com")).isEmpty();
        assertThat(simulator.userByUserName("user4@example.com")).isPresent();
        assertThat(simulator.requests().all()).extracting(RecordedRequest::fault)
                .containsExactly(null, null, "status 429 with Retry-After 2", null, null,
                        "status 429 with Retry-After 2", null, null, "status 429 with Retry-After 2");
    }

    @Test
    void aStormAnswers429WithoutRetryAfterDuringItsWindowOnly() throws Exception {
        Duration window = Duration.ofMillis(1000);
        long windowStart = System.nanoTime();
        simulator.faults().add(FaultRule.respond(429).during(window));

        ScimClient.Response during = scim.get("/Users");
        assumeTrue(System.nanoTime() - windowStart < window.toNanos(), "the request was answered within the window");
        assertThat(during.status()).isEqualTo(429);
        assertThat(during.header("Retry-After")).isEmpty();

        Thread.sleep(Math.max(0, window.toMillis() - (System.nanoTime() - windowStart) / 1_000_000) + 100);

        assertThat(scim.get("/Users").status()).isEqualTo(200);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
    }

    @Test
    void aBurstOfTwo503ThenNormal() {
        simulator.faults().add(FaultRule.respond(503).next(2));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(scim.get("/Users").status());
        }

        assertThat(statuses).containsExactly(503, 503, 200, 200, 200);
    }

    @Test
    void aDelayAddsAtLeastItsLatency() {
        simulator.faults().add(FaultRule.delay(Duration.ofMillis(300)));

        long started = System.nanoTime();
        ScimClient.Response response = scim.get("/Users");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        RecordedRequest recorded = simulator.requests().all().get(0);
        assertThat(recorded.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(recorded.fault()).isEqualTo("delay 300 ms");
        assertThat(recorded.status()).isEqualTo(200);
    }

    @Test
    void delaysAddUpAndTheFirstOtherRuleDecides() {
        simulator.faults().add(FaultRule.delay(Duration.ofMillis(100)))
                .add(FaultRule.delay(Duration.ofMillis(150)))
                .add(FaultRule.respond(503))
                .add(FaultRule.respond(500));

        long started = System.nanoTime();
        ScimClient.Response response = scim.get("/Users");

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(250);
        assertThat(response.status()).isEqualTo(503);
        assertThat(simulator.requests().all().get(0).fault()).isEqualTo("delay 100 ms, delay 150 ms, status 503");
    }

    @Test
    void aDroppedConnectionFailsTheClientAndProcessesNothing() {
        simulator.faults().add(FaultRule.dropConnection());

        assertThatThrownBy(() -> scim.send("POST", "/Users", Scim.user("jane@example.com"), ScimClient.SCIM_JSON))
                .isInstanceOf(IOException.class);

        assertThat(simulator.userCount()).isZero();
        simulator.faults().clear();
        ScimClient.Response retried = scim.post("/Users", Scim.user("jane@example.com"));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.id()).as("the dropped request used up no id").isEqualTo("lucid-1001");
    }

    @Test
    void aDropAfterCommitFailsTheClientButTheUserIsCreated() throws Exception {
        simulator.faults().add(FaultRule.dropAfterCommit().onlyFor("POST", "/Users"));

        assertThatThrownBy(() -> scim.send("POST", "/Users", Scim.user("jane@example.com"), ScimClient.SCIM_JSON))
                .isInstanceOf(IOException.class);

        assertThat(simulator.userCount()).isEqualTo(1);
        assertThat(simulator.userByUserName("jane@example.com")).isPresent();
        // other requests are not affected, and the client can find what its failed request did
        ScimClient.Response search = scim.get(ScimClient.filtered("/Users", "userName eq \"jane@example.com\""));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.resourceIds()).containsExactly("lucid-1001");
        assertThat(scim.post("/Groups", Scim.group("Engineering")).status()).isEqualTo(201);
    }

    @Test
    void aDropAfterCommitOfADeleteDeletes() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        simulator.faults().add(FaultRule.dropAfterCommit().onlyFor("DELETE", "/Users").next(1));

        assertThatThrownBy(() -> scim.send("DELETE", "/Users/" + jane, null, null)).isInstanceOf(IOException.class);

        assertThat(simulator.user(jane)).isEmpty();
        assertThat(scim.delete("/Users/" + jane).status()).isEqualTo(404);
    }

    @Test
    void aFractionFiresOnRoughlyThatShareAndIsRepeatableWithTheSameSeed() {
        List<Integer> first = statusesWithFraction(0.5, 42);
        List<Integer> second = statusesWithFraction(0.5, 42);

        long fired = first.stream().filter(status -> status == 503).count();
        assertThat(fired).isBetween(30L, 70L);
        assertThat(first).containsOnly(200, 503);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aFractionsShareAndSeedDecide() {
        assertThat(firedOf(FaultRule.respond(503).fraction(0.1, 7), 1000)).isBetween(50, 150);
        assertThat(firedOf(FaultRule.respond(503).fraction(0.0, 7), 1000)).isZero();
        assertThat(firedOf(FaultRule.respond(503).fraction(1.0, 7), 1000)).isEqualTo(1000);
        assertThat(pattern(FaultRule.respond(503).fraction(0.5, 1))).isEqualTo(
                pattern(FaultRule.respond(503).fraction(0.5, 1)))
                .isNotEqualTo(pattern(FaultRule.respond(503).fraction(0.5, 2)));
    }

    @Test
    void onlyForLimitsARuleToAMethodAndPathPrefix() {
        simulator.faults().add(FaultRule.respond(500).onlyFor("POST", "/Groups"));

        assertThat(scim.get("/Groups").status()).isEqualTo(200);
        assertThat(scim.post("/Users", Scim.user("jane@example.com")).status()).isEqualTo(201);
        assertThat(scim.post("/Groups", Scim.group("Engineering")).status()).isEqualTo(500);
        assertThat(simulator.groupCount()).isZero();

        simulator.faults().clear();
        simulator.faults().add(FaultRule.respond(503).onlyFor(null, "/Users"));
        assertThat(scim.get("/Users").status()).isEqualTo(503);
        assertThat(scim.get("/Users/lucid-1001").status()).isEqualTo(503);
        assertThat(scim.get("/Groups").status()).isEqualTo(200);
    }

    @Test
    void everyCountsOnlyTheRequestsTheRuleMatches() {
        simulator.faults().add(FaultRule.respond(429).onlyFor("GET", "/Users").every(2));

        assertThat(scim.get("/Users").status()).isEqualTo(200);
        assertThat(scim.get("/Groups").status()).isEqualTo(200);
        assertThat(scim.get("/Groups").status()).isEqualTo(200);
        assertThat(scim.get("/Users").status()).isEqualTo(429);
    }

    @Test
    void faultsComeBeforeAuthentication() {
        simulator.faults().add(FaultRule.respond(429));

        assertThat(scim.withAuthorization(null).get("/Users").status()).isEqualTo(429);
    }

    @Test
    void clearStopsTheFaults() {
        simulator.faults().add(FaultRule.respond(500)).add(FaultRule.delay(Duration.ofMillis(50)));
        assertThat(scim.get("/Users").status()).isEqualTo(500);

        simulator.faults().clear();

        assertThat(scim.get("/Users").status()).isEqualTo(200);
        assertThat(simulator.requests().all().get(1).fault()).isNull();
    }

    @Test
    void invalidTriggerCountsAreRejected() {
        assertThatThrownBy(() -> FaultRule.respond(429).every(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.respond(429).next(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> statusesWithFraction(double share, long seed) {
        simulator.reset();
        simulator.faults().add(FaultRule.respond(503).fraction(share, seed));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            statuses.add(scim.get("/ServiceProviderConfig").status());
        }
        return statuses;
    }

    /** How often the rule fires in so many requests, decided without HTTP. */
    private static int firedOf(FaultRule rule, int requests) {
        Faults faults = new Faults().add(rule);
        int fired = 0;
        for (int i = 0; i < requests; i++) {
            fired += faults.decide("GET", "/Users").rule() != null ? 1 : 0;
        }
        return fired;
    }

    private static List<Boolean> pattern(FaultRule rule) {
        Faults faults = new Faults().add(rule);
        List<Boolean> fired = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fired.add(faults.decide("GET", "/Users").rule() != null);
        }
        return fired;
    }
}
