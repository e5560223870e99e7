package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
                "--forbidden-for-unknown-users");
    }

    @Test
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> SimulatorMain.main(new String[] {"--frobnicate"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> SimulatorMain.main(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
    }
}
