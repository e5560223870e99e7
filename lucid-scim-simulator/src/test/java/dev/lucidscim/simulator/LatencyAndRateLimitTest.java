package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Lucid's round trip and rate limit over HTTP: many answers in flight at once despite the latency, the burst served
 * and the rest answered 429, fault rules on top. Bounds are generous, as the machine may be loaded.
 */
class LatencyAndRateLimitTest {

    /** A rate so slow that no token comes back while a test runs. */
    private static final double NO_REFILL = 0.1;

    @Test
    void thirtyTwoInFlightAt150MsAreAnsweredTogether() throws Exception {
        try (LucidScimSimulator lucid = LucidScimSimulator.builder()
                .latency(Duration.ofMillis(150), Duration.ofMillis(50)).build().start()) {
            ScimClient scim = ScimClient.of(lucid);
            scim.get("/ServiceProviderConfig"); // the JDK client and server warmed up

            long started = System.nanoTime();
            List<Integer> statuses = inFlight(32, 96, i -> scim.get("/Users").status());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            System.out.printf("96 requests, 32 in flight, 150 ms ± 50 ms latency: %d ms (%.0f answers/s)%n",
                    took.toMillis(), 96 / (took.toNanos() / 1e9));
            assertThat(statuses).hasSize(96).containsOnly(200);
            assertThat(took).as("three rounds of at least 100 ms").isGreaterThanOrEqualTo(Duration.ofMillis(300))
                    .as("one at a time would take 14 s").isLessThan(Duration.ofSeconds(4));
            assertThat(lucid.requests().all()).allSatisfy(request ->
                    assertThat(request.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(100)));
            assertThat(lucid.requests().all().stream().map(request -> request.duration().toMillis() / 10).distinct()
                    .count()).as("the jitter spreads the answers' times over more than three 10 ms slots")
                    .isGreaterThan(3);
        }
    }

    @Test
    void aBurstOf100At25PerSecondServesTheBucketAndAnswersTheRest429() throws Exception {
        try (LucidScimSimulator lucid = LucidScimSimulator.builder().rateLimit(25, 5).build().start()) {
            ScimClient scim = ScimClient.of(lucid);

            long started = System.nanoTime();
            List<ScimClient.Response> responses = inFlight(16, 100,
                    i -> scim.post("/Users", Scim.user("user" + i + "@example.com")));
            double seconds = (System.nanoTime() - started) / 1e9;

            long served = responses.stream().filter(response -> response.status() == 201).count();
            System.out.printf("100 requests at 25/s, burst 5, 16 in flight, in %.2f s: %d served, %d answered 429%n",
                    seconds, served, 100 - served);
            assertThat(served).as("the burst, and at most what refilled meanwhile")
                    .isBetween(5L, 5 + (long) Math.ceil(25 * seconds));
            assertThat(responses).filteredOn(response -> response.status() != 201).hasSize(100 - (int) served)
                    .allSatisfy(refused -> {
                        assertThat(refused.status()).isEqualTo(429);
                        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isPositive();
                        assertThat(refused.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
                        assertThat(refused.json().path("detail").asText()).contains("25 requests/s");
                    });
            assertThat(lucid.userCount()).as("refused requests are not processed").isEqualTo((int) served);
            assertThat(lucid.requests().countWithStatus(429)).isEqualTo(100 - served);
        }
    }

    @Test
    void requestsWithoutTheTokenTakeNoneOfIts() {
        try (LucidScimSimulator lucid = LucidScimSimulator.builder().rateLimit(NO_REFILL, 1).build().start()) {
            ScimClient scim = ScimClient.of(lucid);

            for (int i = 0; i < 3; i++) {
                assertThat(scim.withAuthorization("Bearer wrong").get("/Users").status()).isEqualTo(401);
            }
            assertThat(scim.get("/Users").status()).isEqualTo(200);
            assertThat(scim.get("/Users").status()).isEqualTo(429);
        }
    }

    @Test
    void faultRulesWorkOnTopOfTheLatencyAndTheLimit() {
        try (LucidScimSimulator lucid = LucidScimSimulator.builder().latency(Duration.ofMillis(100), Duration.ZERO)
                .rateLimit(NO_REFILL, 3).build().start()) {
            ScimClient scim = ScimClient.of(lucid);
            lucid.faults().add(FaultRule.delay(Duration.ofMillis(100))).add(FaultRule.respond(503).next(1));

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(scim.get("/Users").status());
            }

            assertThat(statuses).as("a fault for a request the limit lets through; the limit before faults")
                    .containsExactly(503, 200, 200, 429);
            List<RecordedRequest> recorded = lucid.requests().all();
            assertThat(recorded).extracting(RecordedRequest::fault).containsExactly("delay 100 ms, status 503",
                    "delay 100 ms", "delay 100 ms", null);
            assertThat(recorded.subList(0, 3)).allSatisfy(request -> assertThat(request.duration())
                    .as("the latency and the fault's delay").isGreaterThanOrEqualTo(Duration.ofMillis(200)));
            assertThat(recorded.get(3).duration()).as("a refused request takes the round trip too")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(100));

            lucid.reset();
            assertThat(scim.get("/Users").status()).as("reset fills the bucket").isEqualTo(200);
        }
    }

    /** Sends {@code total} requests from {@code threads} threads at once; the answers in request order. */
    private static <T> List<T> inFlight(int threads, int total, java.util.function.IntFunction<T> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                int number = i;
                futures.add(pool.submit(() -> request.apply(number)));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
