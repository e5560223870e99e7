package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The request log, and reset() emptying directory, faults and log. */
class RequestLogTest extends SimulatorTestSupport {

    @Test
    void theBusiestSecondCountsTheMostRequestsWithinOneSecondOfAnyRequest() {
        RequestLog log = new RequestLog(100, 0);
        assertThat(log.busiestSecond()).isZero();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        // four within [0 s, 1 s) and within [0.3 s, 1.3 s); the one at 1.0 s is outside the first second
        for (long millis : new long[] {1950, 600, 0, 1000, 300, 900}) {
            log.add(new RecordedRequest(start.plusMillis(millis), "GET", "/Users", null, "", false, 200,
                    Duration.ZERO, null));
        }

        assertThat(log.busiestSecond()).isEqualTo(4);
    }

    @Test
    void aLogWithACapacityKeepsTheLatestRequests() {
        try (LucidScimSimulator bounded = LucidScimSimulator.builder().requestLogCapacity(3).build().start()) {
            ScimClient client = ScimClient.of(bounded);
            for (int i = 1; i <= 5; i++) {
                client.get("/Users/lucid-" + i);
            }

            assertThat(bounded.requests().all()).extracting(RecordedRequest::path)
                    .containsExactly("/Users/lucid-3", "/Users/lucid-4", "/Users/lucid-5");
            assertThat(bounded.requests().dropped()).isEqualTo(2);
        }
    }

    @Test
    void theTotalsCountEveryRequestByMethodAndThe429sEvenThoseTheCapacityLetGo() {
        try (LucidScimSimulator bounded = LucidScimSimulator.builder().requestLogCapacity(1).build().start()) {
            bounded.faults().add(FaultRule.respond(429).onlyFor("GET", "/Groups").next(1));
            ScimClient client = ScimClient.of(bounded);
            client.post("/Users", Scim.user("jane@example.com"));
            client.get("/Users/lucid-1001");
            client.get("/Groups");
            client.patch("/Users/lucid-1001", Scim.patch(Scim.op("replace", "active", "false")));
            client.unchecked("HEAD", "/Users", null, null);
            client.delete("/Users/lucid-1001");

            assertThat(bounded.requests().totals()).isEqualTo(new RequestTotals(6, 2, 3, 1));
            assertThat(bounded.requests().totals().summary())
                    .isEqualTo("served 6 requests: 2 GET, 3 writes, 1 answered 429");
            assertThat(bounded.requests().size()).isOne();

            bounded.reset();

            assertThat(bounded.requests().totals()).isEqualTo(new RequestTotals(0, 0, 0, 0));
        }
    }

    @Test
    void aLogWithABodyLimitKeepsTheFirstBytesOfEachBodyMarkedAsCut() {
        try (LucidScimSimulator bounded = LucidScimSimulator.builder().requestLogBodyLimit(20).build().start()) {
            ScimClient client = ScimClient.of(bounded);
            String user = Scim.user("jane@example.com");
            client.post("/Users", user);
            client.post("/Users", "{}");

            assertThat(bounded.requests().all()).extracting(RecordedRequest::body)
                    .containsExactly(user.substring(0, 20), "{}");
            assertThat(bounded.requests().all()).extracting(RecordedRequest::bodyCut).containsExactly(true, false);
            assertThat(bounded.user("lucid-1001")).as("the simulator itself reads the whole body").isPresent();
        }
    }

    @Test
    void aBodyIsCutBetweenTwoCharacters() {
        String body = "a\u00e9\u20ac\ud83d\ude00b"; // 1, 2, 3 and 4 bytes in UTF-8, then 1: 11 in all
        RecordedRequest request = new RecordedRequest(Instant.now(), "POST", "/Users", null, body, false, 201,
                Duration.ZERO, null);

        for (int limit = 0; limit <= 11; limit++) {
            RecordedRequest kept = request.withBodyCutTo(limit);
            byte[] keptBytes = kept.body().getBytes(StandardCharsets.UTF_8);
            assertThat(keptBytes.length).as("limit %d", limit).isLessThanOrEqualTo(limit).isGreaterThan(limit - 4);
            assertThat(body).as("limit %d", limit).startsWith(kept.body());
            assertThat(kept.body()).as("limit %d: no half of the emoji", limit).doesNotEndWith("\ud83d");
            assertThat(kept.bodyCut()).as("limit %d", limit).isEqualTo(limit < 11);
        }
    }

    @Test
    void everyRequestIsRecordedInOrder() {
        String user = Scim.user("jane@example.com");
        String patch = Scim.patch(Scim.op("replace", "active", "false"));
        String filter = "/Users?filter=" + ScimClient.encode("userName eq \"jane@example.com\"") + "&count=10";

        scim.post("/Users", user);
        scim.get(filter);
        scim.patch("/Users/lucid-1001", patch);
        scim.delete("/Users/lucid-1001");
        scim.get("/Users/lucid-1001");
        scim.withAuthorization("Bearer wrong").get("/Groups");

        List<RecordedRequest> log = simulator.requests().all();
        assertThat(log).extracting(RecordedRequest::method)
                .containsExactly("POST", "GET", "PATCH", "DELETE", "GET", "GET");
        assertThat(log).extracting(RecordedRequest::path)
                .containsExactly("/Users", "/Users", "/Users/lucid-1001", "/Users/lucid-1001", "/Users/lucid-1001",
                        "/Groups");
        assertThat(log).extracting(RecordedRequest::query)
                .containsExactly(null, filter.substring("/Users?".length()), null, null, null, null);
        assertThat(log).extracting(RecordedRequest::body).containsExactly(user, "", patch, "", "", "");
        assertThat(log).extracting(RecordedRequest::status).containsExactly(201, 200, 200, 204, 404, 401);
        assertThat(log).extracting(RecordedRequest::fault).containsOnlyNulls();
        assertThat(log).allSatisfy(request -> {
            assertThat(request.at()).isNotNull();
            assertThat(request.duration()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
        });
        assertThat(log).extracting(RecordedRequest::at).isSorted();
    }

    @Test
    void countAndMatchingSelectRequests() {
        scim.post("/Users", Scim.user("jane@example.com"));
        scim.post("/Users", Scim.user("john@example.com"));
        scim.get("/Users/lucid-1001");
        scim.post("/Groups", Scim.group("Engineering"));

        assertThat(simulator.requests().size()).isEqualTo(4);
        assertThat(simulator.requests().count("POST", "/Users")).isEqualTo(2);
        assertThat(simulator.requests().count("GET", "/Users")).isEqualTo(1);
        assertThat(simulator.requests().count("POST", "/Groups")).isEqualTo(1);
        assertThat(simulator.requests().count("DELETE", "/Users")).isZero();
        assertThat(simulator.requests().matching(request -> request.status() == 201)).hasSize(3);
    }

    @Test
    void droppedAndInjectedRequestsAreRecordedWithTheirFault() {
        simulator.faults().add(FaultRule.dropConnection().onlyFor("POST", "/Users").next(1))
                .add(FaultRule.dropAfterCommit().onlyFor("POST", "/Groups").next(1))
                .add(FaultRule.respond(429).withRetryAfter(Duration.ofSeconds(3)).onlyFor("GET", "/Groups").next(1));

        assertThatThrownBy(() -> scim.send("POST", "/Users", Scim.user("jane@example.com"), ScimClient.SCIM_JSON))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> scim.send("POST", "/Groups", Scim.group("Engineering"), ScimClient.SCIM_JSON))
                .isInstanceOf(IOException.class);
        scim.get("/Groups");
        scim.get("/Groups");

        List<RecordedRequest> log = simulator.requests().all();
        assertThat(log).extracting(RecordedRequest::status).containsExactly(0, 0, 429, 200);
        assertThat(log).extracting(RecordedRequest::fault).containsExactly("dropped", "dropped after commit",
                "status 429 with Retry-After 3", null);
        assertThat(log.get(0).body()).isEqualTo(Scim.user("jane@example.com"));
        assertThat(simulator.groupCount()).isEqualTo(1);
    }

    @Test
    void seedingAndInspectingAreNotRecorded() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        simulator.seedGroup(Scim.group("Engineering", jane));
        simulator.user(jane);
        simulator.users();

        assertThat(simulator.requests().size()).isZero();
    }

    @Test
    void resetEmptiesDirectoryFaultsAndLog() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        scim.post("/Users", Scim.user("john@example.com"));
        simulator.seedGroup(Scim.group("Engineering", jane));
        simulator.reserveForOtherAccount("taken@example.com");
        simulator.protectFromDeletion("lucid-1001");
        simulator.faults().add(FaultRule.respond(503).onlyFor("GET", "/Users"));
        assertThat(scim.get("/Users").status()).isEqualTo(503);

        simulator.reset();

        assertThat(simulator.userCount()).isZero();
        assertThat(simulator.activeUserCount()).isZero();
        assertThat(simulator.groupCount()).isZero();
        assertThat(simulator.users()).isEmpty();
        assertThat(simulator.groups()).isEmpty();
        assertThat(simulator.requests().size()).isZero();
        assertThat(simulator.requests().all()).isEmpty();

        ScimClient.Response list = scim.get("/Users");
        assertThat(list.status()).as("the fault rules are gone").isEqualTo(200);
        assertThat(list.totalResults()).isZero();
        ScimClient.Response jane2 = scim.post("/Users", Scim.user("jane@example.com"));
        assertThat(jane2.id()).isEqualTo("lucid-1001");
        assertThat(scim.post("/Groups", Scim.group("Engineering")).id()).isEqualTo("lucid-group-1001");
        assertThat(scim.post("/Users", Scim.user("taken@example.com")).status())
                .as("reservations are gone").isEqualTo(201);
        assertThat(scim.delete("/Users/lucid-1001").status()).as("protections are gone").isEqualTo(204);
        assertThat(simulator.requests().size()).isEqualTo(5);
    }
}
