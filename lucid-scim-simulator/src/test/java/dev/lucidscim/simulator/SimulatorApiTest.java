package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The Java API tests use: seeding, inspecting, the builder's settings. */
class SimulatorApiTest extends SimulatorTestSupport {

    @Test
    void seedUserFromJsonAndInspectIt() {
        String id = simulator.seedUser(Scim.user("jane@example.com"));

        assertThat(id).isEqualTo("lucid-1001");
        JsonNode user = simulator.user(id).orElseThrow();
        assertThat(user.path("id").asText()).isEqualTo(id);
        assertThat(user.path("userName").asText()).isEqualTo("jane@example.com");
        assertThat(user.at("/meta/created").asText()).isNotBlank();
        assertThat(simulator.user("lucid-9999")).isEmpty();
        assertThat(simulator.user("nonsense")).isEmpty();
        // seeded users are served over HTTP like created ones
        assertThat(scim.get("/Users/" + id).json().path("userName").asText()).isEqualTo("jane@example.com");
    }

    @Test
    void seedUserFromAMap() {
        String id = simulator.seedUser(Map.of(
                "schemas", List.of(Scim.USER_SCHEMA, Scim.LUCID_2),
                "userName", "jane@example.com",
                "emails", List.of(Map.of("value", "jane@example.com", "primary", true)),
                "name", Map.of("givenName", "Jane"),
                Scim.LUCID_2, Map.of("productLicenses", Map.of("Lucidchart", true))));

        JsonNode user = simulator.user(id).orElseThrow();
        assertThat(user.at("/name/givenName").asText()).isEqualTo("Jane");
        assertThat(user.at("/emails/0/primary").asBoolean()).isTrue();
        assertThat(user.path(Scim.LUCID_2).path("productLicenses").path("Lucidchart").asBoolean()).isTrue();
    }

    @Test
    void seedGroupFromJsonAndFromAMap() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String john = simulator.seedUser(Scim.user("john@example.com"));

        String engineering = simulator.seedGroup(Scim.group("Engineering", jane));
        String sales = simulator.seedGroup(Map.of("schemas", List.of(Scim.GROUP_SCHEMA), "displayName", "Sales",
                "members", List.of(Map.of("value", jane), Map.of("value", john))));

        assertThat(engineering).isEqualTo("lucid-group-1001");
        assertThat(sales).isEqualTo("lucid-group-1002");
        assertThat(simulator.group(sales).orElseThrow().path("members").findValuesAsText("value"))
                .containsExactly(jane, john);
        assertThat(simulator.group("lucid-group-9999")).isEmpty();
        assertThat(simulator.groups()).extracting(group -> group.path("displayName").asText())
                .containsExactly("Engineering", "Sales");
        assertThat(simulator.groupByName("Sales").orElseThrow().path("id").asText()).isEqualTo(sales);
        assertThat(simulator.groupByName("sales")).as("group names are case-sensitive").isEmpty();
        assertThat(simulator.groupByName("Nobody")).isEmpty();
        assertThat(simulator.user(jane).orElseThrow().path("groups").findValuesAsText("value"))
                .containsExactly(engineering, sales);
    }

    @Test
    void usersIncludesDeactivatedUsersInCreationOrder() {
        simulator.seedUser(Scim.user("jane@example.com"));
        simulator.seedUser(Scim.inactiveUser("gone@example.com"));
        simulator.seedUser(Scim.user("john@example.com"));

        assertThat(simulator.users()).extracting(user -> user.path("userName").asText())
                .containsExactly("jane@example.com", "gone@example.com", "john@example.com");
        assertThat(simulator.userCount()).isEqualTo(3);
        assertThat(simulator.activeUserCount()).isEqualTo(2);
        assertThat(simulator.userByUserName("GONE@example.com").orElseThrow().path("active").asBoolean(true))
                .isFalse();
        assertThat(simulator.userByUserName("nobody@example.com")).isEmpty();
    }

    @Test
    void userByUserNameFollowsARename() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        scim.patch("/Users/" + jane, Scim.patch(Scim.op("replace", "userName", "\"janet@example.com\"")));

        assertThat(simulator.userByUserName("Janet@example.com").orElseThrow().path("id").asText()).isEqualTo(jane);
        assertThat(simulator.userByUserName("jane@example.com")).isEmpty();
    }

    @Test
    void countsFollowChanges() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        simulator.seedUser(Scim.user("john@example.com"));
        simulator.seedGroup(Scim.group("Engineering"));
        assertThat(simulator.userCount()).isEqualTo(2);
        assertThat(simulator.activeUserCount()).isEqualTo(2);
        assertThat(simulator.groupCount()).isEqualTo(1);

        scim.patch("/Users/" + jane, Scim.patch(Scim.op("replace", "active", "false")));
        assertThat(simulator.activeUserCount()).isEqualTo(1);
        assertThat(simulator.userCount()).isEqualTo(2);

        scim.delete("/Users/" + jane);
        assertThat(simulator.activeUserCount()).isEqualTo(1);
        assertThat(simulator.userCount()).isEqualTo(1);
        assertThat(scim.get("/Users").totalResults()).isEqualTo(1);
    }

    @Test
    void returnedResourcesAreCopies() {
        String id = simulator.seedUser(Scim.user("jane@example.com"));

        ((ObjectNode) simulator.user(id).orElseThrow()).put("userName", "changed@example.com");
        ((ObjectNode) simulator.users().get(0)).put("userName", "changed@example.com");

        assertThat(simulator.user(id).orElseThrow().path("userName").asText()).isEqualTo("jane@example.com");
    }

    @Test
    void seedingInvalidInputThrowsIllegalArgumentException() {
        assertThatThrownBy(() -> simulator.seedUser("{not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.seedUser("{\"schemas\":[\"" + Scim.USER_SCHEMA + "\"]}"))
                .as("no userName").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.seedGroup("[]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.seedGroup(Scim.group("Engineering", "lucid-9999")))
                .as("unknown member").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.seedUser(Map.of("schemas", List.of(Scim.USER_SCHEMA), "userName",
                new Object()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(simulator.userCount()).isZero();
        assertThat(simulator.groupCount()).isZero();
    }

    @Test
    void seedingADuplicateThrowsIllegalArgumentException() {
        simulator.seedUser(Scim.user("jane@example.com"));
        simulator.reserveForOtherAccount("taken@example.com");

        assertThatThrownBy(() -> simulator.seedUser(Scim.user("JANE@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.seedUser(Scim.user("taken@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(simulator.userCount()).isOne();
    }

    @Test
    void baseUrlPortAndToken() {
        assertThat(simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + simulator.port() + "/scim/v2");
        assertThat(simulator.port()).isPositive();
        assertThat(simulator.token()).isEqualTo("simulator-token");
    }

    @Test
    void builderSettings() {
        assertThatThrownBy(() -> LucidScimSimulator.builder().token(null)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> LucidScimSimulator.builder().token(" ")).isInstanceOf(
                IllegalArgumentException.class);
        LucidScimSimulator notStarted = LucidScimSimulator.builder().build();
        assertThatThrownBy(notStarted::port).isInstanceOf(IllegalStateException.class);

        try (LucidScimSimulator custom = LucidScimSimulator.builder().basePath("/lucid/scim/").token("custom")
                .build().start()) {
            assertThat(custom.baseUrl()).endsWith("/lucid/scim");
            ScimClient customScim = ScimClient.of(custom);
            ScimClient.Response created = customScim.post("/Users", Scim.user("jane@example.com"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().at("/meta/location").asText()).isEqualTo(custom.baseUrl()
                                                                               + "/Users/lucid-1001");
            assertThat(customScim.withAuthorization("Bearer simulator-token").get("/Users").status())
                    .isEqualTo(401);
        }
    }

    @Test
    void startTwiceIsHarmlessAndStopKeepsTheDirectory() {
        LucidScimSimulator own = LucidScimSimulator.builder().build().start();
        try {
            int port = own.port();
            assertThat(own.start().port()).isEqualTo(port);
            own.seedUser(Scim.user("jane@example.com"));
            own.stop();
            assertThatThrownBy(own::port).isInstanceOf(IllegalStateException.class);
            assertThat(own.userCount()).isOne();
            own.start();
            assertThat(ScimClient.of(own).get("/Users").totalResults()).isOne();
        } finally {
            own.close();
        }
    }
}
