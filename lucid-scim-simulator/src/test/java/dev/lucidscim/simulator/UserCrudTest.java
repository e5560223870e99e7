package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** POST, GET, PUT and DELETE of users, with Lucid's ids and meta. */
class UserCrudTest extends SimulatorTestSupport {

    @Test
    void postCreatesAUserWithALucidIdAndMeta() {
        ScimClient.Response created = scim.post("/Users", Scim.user("jane@example.com"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.id()).matches("lucid-\\d+").isEqualTo("lucid-1001");
        assertThat(created.json().path("userName").asText()).isEqualTo("jane@example.com");
        assertThat(created.json().path("active").asBoolean()).isTrue();
        JsonNode meta = created.json().path("meta");
        assertThat(meta.path("resourceType").asText()).isEqualTo("User");
        OffsetDateTime createdAt = OffsetDateTime.parse(meta.path("created").asText());
        OffsetDateTime lastModified = OffsetDateTime.parse(meta.path("lastModified").asText());
        assertThat(lastModified).isAfterOrEqualTo(createdAt);
        assertThat(meta.path("version").asText()).isNotBlank();
        assertThat(meta.path("location").asText()).isEqualTo(simulator.baseUrl() + "/Users/lucid-1001");

        ScimClient.Response second = scim.post("/Users", Scim.user("john@example.com"));
        assertThat(second.id()).isEqualTo("lucid-1002");
    }

    @Test
    void postWithoutActiveCreatesAnActiveUser() {
        ObjectNode user = Scim.userNode("jane@example.com");
        user.remove("active");

        ScimClient.Response created = scim.post("/Users", user.toString());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(scim.get("/Users").totalResults()).isEqualTo(1);
    }

    @Test
    void serverAttributesInAPostAreIgnored() {
        ObjectNode user = Scim.userNode("jane@example.com");
        user.put("id", "my-own-id");
        user.putObject("meta").put("created", "2001-01-01T00:00:00Z");

        ScimClient.Response created = scim.post("/Users", user.toString());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.id()).isEqualTo("lucid-1001");
        assertThat(created.json().at("/meta/created").asText()).doesNotStartWith("2001");
    }

    @Test
    void postWithoutUserNameIs400() {
        ObjectNode user = Scim.userNode("jane@example.com");
        user.remove("userName");

        ScimClient.Response response = scim.post("/Users", user.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(simulator.userCount()).isZero();
    }

    @Test
    void postOfADuplicateUserNameIs409Uniqueness() {
        scim.post("/Users", Scim.user("jane@example.com"));

        ScimClient.Response duplicate = scim.post("/Users", Scim.user("JANE@example.com"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(simulator.userCount()).isEqualTo(1);
    }

    @Test
    void getByIdReturnsTheUser() {
        String id = scim.post("/Users", Scim.user("jane@example.com")).id();

        ScimClient.Response found = scim.get("/Users/" + id);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.json().path("userName").asText()).isEqualTo("jane@example.com");
        assertThat(found.json().at("/name/givenName").asText()).isEqualTo("Given");
        assertThat(found.json().at("/emails/0/value").asText()).isEqualTo("jane@example.com");
    }

    @Test
    void getOfAnUnknownUserIs404WithAScimError() {
        ScimClient.Response response = scim.get("/Users/lucid-9999");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(scim.get("/Users/not-a-lucid-id").status()).isEqualTo(404);
    }

    @Test
    void putReplacesTheWholeUser() throws Exception {
        ObjectNode original = Scim.userNode("jane@example.com");
        original.put("title", "Engineer");
        ScimClient.Response created = scim.post("/Users", original.toString());
        String id = created.id();
        Thread.sleep(5);

        ObjectNode replacement = Scim.userNode("jane.doe@example.com");
        replacement.putObject("name").put("givenName", "Janet").put("familyName", "Doe");
        ScimClient.Response replaced = scim.put("/Users/" + id, replacement.toString());

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.id()).isEqualTo(id);
        assertThat(replaced.json().path("userName").asText()).isEqualTo("jane.doe@example.com");
        assertThat(replaced.json().at("/name/givenName").asText()).isEqualTo("Janet");
        assertThat(replaced.json().has("title")).as("attributes left out of a PUT are gone").isFalse();
        assertThat(replaced.json().at("/meta/created").asText()).isEqualTo(created.json().at("/meta/created")
                .asText());
        assertThat(OffsetDateTime.parse(replaced.json().at("/meta/lastModified").asText()))
                .isAfter(OffsetDateTime.parse(created.json().at("/meta/lastModified").asText()));
        assertThat(replaced.json().at("/meta/version").asText()).isNotEqualTo(created.json().at("/meta/version")
                .asText());

        JsonNode stored = scim.get("/Users/" + id).json();
        assertThat(stored.path("userName").asText()).isEqualTo("jane.doe@example.com");
        assertThat(stored.has("title")).isFalse();
        // the old userName is free again, the new one is taken
        assertThat(scim.post("/Users", Scim.user("jane@example.com")).status()).isEqualTo(201);
        assertThat(scim.post("/Users", Scim.user("jane.doe@example.com")).status()).isEqualTo(409);
    }

    @Test
    void putOfAnUnknownUserIs404() {
        assertThat(scim.put("/Users/lucid-9999", Scim.user("jane@example.com")).status()).isEqualTo(404);
        assertThat(simulator.userCount()).isZero();
    }

    @Test
    void putCannotTakeAnotherUsersUserName() {
        scim.post("/Users", Scim.user("jane@example.com"));
        String john = scim.post("/Users", Scim.user("john@example.com")).id();

        ScimClient.Response response = scim.put("/Users/" + john, Scim.user("jane@example.com"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(simulator.user(john).orElseThrow().path("userName").asText()).isEqualTo("john@example.com");
    }

    @Test
    void deleteIs204ThenTheUserIsGone() {
        String id = scim.post("/Users", Scim.user("jane@example.com")).id();

        ScimClient.Response deleted = scim.delete("/Users/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(404);
        assertThat(simulator.userCount()).isZero();
        assertThat(scim.get("/Users").totalResults()).isZero();
        // a hard delete frees the userName
        assertThat(scim.post("/Users", Scim.user("jane@example.com")).status()).isEqualTo(201);
    }
}
