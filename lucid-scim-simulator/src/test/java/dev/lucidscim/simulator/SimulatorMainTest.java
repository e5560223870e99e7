package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: loading a seed file, and the options that do not start a server. */
class SimulatorMainTest {

    private static LucidScimSimulator simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        simulator = LucidScimSimulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void seedLoadsUsersAndGroupsWithMembersByUserName() throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, """
                {
                  "users": [
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "jane@example.com",
                     "emails": [{"value": "jane@example.com"}]},
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "john@example.com",
                     "emails": [{"value": "john@example.com"}], "active": false},
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "jill@example.com",
                     "emails": [{"value": "jill@example.com"}]}
                  ],
                  "groups": [
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Engineering",
                     "memberUserNames": ["jane@example.com", "John@Example.com"]},
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Empty"}
                  ]
                }
                """);

        SimulatorMain.seed(simulator, seed);

        assertThat(simulator.userCount()).isEqualTo(3);
        assertThat(simulator.activeUserCount()).isEqualTo(2);
        assertThat(simulator.groupCount()).isEqualTo(2);
        JsonNode engineering = simulator.groupByName("Engineering").orElseThrow();
        assertThat(engineering.has("memberUserNames")).isFalse();
        assertThat(engineering.path("members").findValuesAsText("value")).containsExactly("lucid-1001",
                "lucid-1002");
        assertThat(simulator.userByUserName("john@example.com").orElseThrow().path("groups")
                .findValuesAsText("display")).containsExactly("Engineering");
        assertThat(simulator.groupByName("Empty").orElseThrow().path("members").size()).isZero();
        assertThat(ScimClient.of(simulator).get(ScimClient.filtered("/Groups", "displayName eq \"Engineering\""))
                .totalResults()).isOne();
    }

    @Test
    void aGroupMayMixMemberIdsAndUserNames() throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, """
                {"users": [{"userName": "jane@example.com", "emails": [{"value": "jane@example.com"}],
                            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]},
                           {"userName": "john@example.com", "emails": [{"value": "john@example.com"}],
                            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}],
                 "groups": [{"displayName": "Both", "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                             "members": [{"value": "lucid-1001"}], "memberUserNames": ["john@example.com"]}]}
                """);

        SimulatorMain.seed(simulator, seed);

        assertThat(simulator.groupByName("Both").orElseThrow().path("members").findValuesAsText("value"))
                .containsExactlyInAnyOrder("lucid-1001", "lucid-1002");
    }

    @Test
    void anUnknownMemberUserNameFails() throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, """
                {"groups": [{"displayName": "Ghosts", "memberUserNames": ["nobody@example.com"],
                             "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]}]}
                """);

        assertThatThrownBy(() -> SimulatorMain.seed(simulator, seed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody@example.com");
        assertThat(simulator.groupCount()).isZero();
    }

    @Test
    void aFileThatIsNotJsonFails() throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "users: [jane]");

        assertThatThrownBy(() -> SimulatorMain.seed(simulator, seed)).isInstanceOf(Exception.class);
        assertThat(simulator.userCount()).isZero();
    }

    @Test
    void stoppingPrintsWhatWasServed() {
        LucidScimSimulator standalone = LucidScimSimulator.builder().requestLogCapacity(1).build().start();
        ScimClient client = ScimClient.of(standalone);
        client.post("/Users", Scim.user("jane@example.com"));
        client.get("/Users");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SimulatorMain.stop(standalone, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("served 2 requests: 1 GET, 1 writes, 0 answered 429" + System.lineSeparator());
        assertThatThrownBy(() -> client.get("/Users")).as("stopped").isInstanceOf(Exception.class);
    }

    @Test
    void helpPrintsTheOptionsWithoutStarting() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            SimulatorMain.main(new String[] {"--help"});
        } finally {
            System.setOut(original);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--token", "--seed", "--max-page-size",
                "--forbidden-for-unknown-users", "--public-url", "--request-log-body", "--max-body-size",
                "--max-filter-length", "--client-timeout", "--threads", "--latency-ms", "--jitter-ms", "--latency-seed",
                "--rate-limit", "--burst", "--filtered-result-cap", "--max-members-per-request",
                "--too-many-members-status");
    }

    @Test
    void theLimitsAreSetOnTheCommandLine() throws Exception {
        String publicUrl = "https://lucid-simulator.ci.example/scim/v2";
        SimulatorMain.Options options = SimulatorMain.parse(new String[] {"--port", "0", "--token", "ci-token",
                "--public-url", publicUrl, "--max-body-size", "1000", "--request-log-body", "10",
                "--max-filter-length", "30", "--client-timeout", "1", "--threads", "4"});
        String user = Scim.user("jane@example.com");
        String auth = "Authorization: Bearer ci-token";

        try (LucidScimSimulator standalone = options.settings().token(options.token()).build().start()) {
            try (RawHttp http = RawHttp.connect(standalone)) {
                RawHttp.Response created = http.send(RawHttp.head("POST", "/Users", "Host: x", auth,
                        "Content-Type: application/scim+json", "Content-Length: " + user.length()) + user)
                        .readResponse();
                assertThat(created.headers()).containsEntry("location", publicUrl + "/Users/lucid-1001");
            }
            try (RawHttp http = RawHttp.connect(standalone)) {
                assertThat(http.send(RawHttp.head("POST", "/Users", "Host: x", auth, "Content-Length: 1001"))
                        .readResponse().status()).isEqualTo(413);
            }
            try (RawHttp http = RawHttp.connect(standalone)) {
                String filter = ScimClient.filtered("/Users", "userName eq \"" + "a".repeat(20) + "\"");
                assertThat(http.send(RawHttp.head("GET", filter, "Host: x", auth)).readResponse().status())
                        .isEqualTo(400);
            }
            try (RawHttp http = RawHttp.connect(standalone)) {
                http.send("GET " + LucidScimSimulator.DEFAULT_BASE_PATH + "/Users HTTP/1.1\r\nX-Slow: ");
                assertThat(http.closedBySimulatorWithin(Duration.ofSeconds(5))).as("cut off after 1 s").isTrue();
            }
            assertThat(standalone.requests().all().get(0).body()).isEqualTo(user.substring(0, 10));
        }
    }

    @Test
    void latencyRateLimitAndFilteredCapAreSetOnTheCommandLine() {
        SimulatorMain.Options options = SimulatorMain.parse(new String[] {"--port", "0", "--latency-ms", "100",
                "--jitter-ms", "20", "--latency-seed", "3", "--rate-limit", "0.1", "--burst", "2",
                "--filtered-result-cap", "1"});

        try (LucidScimSimulator standalone = options.settings().build().start()) {
            standalone.seedUser(Scim.userNode("jane@example.com").put("externalId", "x").toString());
            standalone.seedUser(Scim.userNode("john@example.com").put("externalId", "x").toString());
            ScimClient scim = ScimClient.of(standalone);

            assertThat(scim.get(ScimClient.filtered("/Users", "externalId eq \"x\"")).totalResults()).isOne();
            assertThat(scim.get("/Users").status()).isEqualTo(200);
            ScimClient.Response limited = scim.get("/Users");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isPresent();
            assertThat(standalone.requests().all()).allSatisfy(request ->
                    assertThat(request.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(80)));
        }
    }

    @Test
    void theMemberLimitIsSetOnTheCommandLine() {
        try (LucidScimSimulator standalone = SimulatorMain.parse(new String[] {"--port", "0",
                "--max-members-per-request", "1", "--too-many-members-status", "400"}).settings().build().start()) {
            String jane = standalone.seedUser(Scim.user("jane@example.com"));
            String john = standalone.seedUser(Scim.user("john@example.com"));

            ScimClient.Response refused = ScimClient.of(standalone).post("/Groups", Scim.group("Sales", jane, john));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("scimType").asText()).isEqualTo("tooMany");
        }
        try (LucidScimSimulator standalone = SimulatorMain.parse(new String[] {"--port", "0",
                "--max-members-per-request", "1"}).settings().build().start()) {
            String jane = standalone.seedUser(Scim.user("jane@example.com"));
            String john = standalone.seedUser(Scim.user("john@example.com"));

            assertThat(ScimClient.of(standalone).post("/Groups", Scim.group("Sales", jane, john)).status())
                    .as("413 by default").isEqualTo(413);
        }
    }

    @Test
    void theDialectIsSetOnTheCommandLine() {
        String withoutSchemas = "{\"userName\":\"jane@example.com\",\"emails\":[{\"value\":\"jane@example.com\"}]}";
        try (LucidScimSimulator standard = SimulatorMain.parse(new String[] {"--port", "0", "--dialect", "standard"})
                .settings().build().start()) {
            ScimClient.Response refused = ScimClient.of(standard).post("/Users", withoutSchemas);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        }
        try (LucidScimSimulator lucid = SimulatorMain.parse(new String[] {"--port", "0", "--dialect", "LUCID"})
                .settings().build().start()) {
            assertThat(ScimClient.of(lucid).post("/Users", withoutSchemas).status()).isEqualTo(201);
        }
        assertThat(SimulatorMain.HELP).contains("--dialect");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--dialect", "azure"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lucid or standard, not azure");
    }

    @Test
    void teamsAndGroupLicencesAreSetOnTheCommandLine() {
        try (LucidScimSimulator standalone = SimulatorMain.parse(new String[] {"--port", "0", "--token", "admin",
                "--content-access-token", "content", "--group-licenses", "Engineering=lucidchart, Lucidspark"})
                .settings().build().start()) {
            ScimClient admin = ScimClient.of(standalone);
            String jane = admin.post("/Users", Scim.user("jane@example.com")).id();
            admin.post("/Groups", Scim.group("Engineering", jane));

            JsonNode licences = admin.get("/Users/" + jane).json().path(Scim.LUCID_1).path("productLicenses");
            assertThat(licences.path("Lucidchart").asBoolean()).isTrue();
            assertThat(licences.path("Lucidspark").asBoolean()).isTrue();
            assertThat(admin.withAuthorization("Bearer content").post("/Groups", Scim.group("Writers")).id())
                    .startsWith("lucid-team-");
        }
        assertThat(SimulatorMain.HELP).contains("--content-access-token", "--org-group-licensing", "--group-licenses");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--group-licenses", "Engineering"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GROUP=PRODUCT");
    }

    @Test
    void withoutBurstTheRateLimitTakesOneSecondsWorthAtOnce() {
        try (LucidScimSimulator standalone = SimulatorMain.parse(new String[] {"--port", "0", "--rate-limit", "1.5"})
                .settings().build().start()) {
            ScimClient scim = ScimClient.of(standalone);

            assertThat(List.of(scim.get("/Users").status(), scim.get("/Users").status(), scim.get("/Users").status()))
                    .containsExactly(200, 200, 429);
        }
    }

    @Test
    void theStandaloneLogKeeps10000RequestsAnd4KiBOfEachBody() {
        try (LucidScimSimulator standalone = SimulatorMain.parse(new String[] {"--port", "0"}).settings().build()
                .start()) {
            ScimClient.of(standalone).post("/Users", Scim.user("jane@example.com") + " ".repeat(5000));

            assertThat(standalone.requests().all()).singleElement().satisfies(request -> {
                assertThat(request.body()).hasSize(4096);
                assertThat(request.bodyCut()).isTrue();
            });
        }
    }

    @Test
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> SimulatorMain.main(new String[] {"--frobnicate"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> SimulatorMain.main(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> SimulatorMain.main(new String[] {"--max-body-size", "1MB"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-body-size");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--burst", "5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate-limit");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--rate-limit", "fast"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate-limit");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--rate-limit", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate limit");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--latency-ms", "100", "--jitter-ms", "150"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--too-many-members-status", "400"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-members-per-request");
    }
}
