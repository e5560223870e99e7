package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** POST, GET, PUT and DELETE of groups, with Lucid's ids and meta. */
class GroupCrudTest extends SimulatorTestSupport {

    @Test
    void postCreatesAGroupWithALucidGroupIdAndMeta() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));

        ScimClient.Response created = scim.post("/Groups", Scim.group("Engineering", jane));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.id()).matches("lucid-group-\\d+").isEqualTo("lucid-group-1001");
        assertThat(created.json().path("displayName").asText()).isEqualTo("Engineering");
        assertThat(created.json().at("/members/0/value").asText()).isEqualTo(jane);
        assertThat(created.json().at("/members/0/display").asText()).isEqualTo("jane@example.com");
        JsonNode meta = created.json().path("meta");
        assertThat(meta.path("resourceType").asText()).isEqualTo("Group");
        assertThat(OffsetDateTime.parse(meta.path("lastModified").asText()))
                .isAfterOrEqualTo(OffsetDateTime.parse(meta.path("created").asText()));
        assertThat(meta.path("version").asText()).isNotBlank();
        assertThat(meta.path("location").asText()).isEqualTo(simulator.baseUrl() + "/Groups/lucid-group-1001");

        assertThat(scim.post("/Groups", Scim.group("Sales")).id()).isEqualTo("lucid-group-1002");
    }

    @Test
    void groupNamesAreUniqueAndCaseSensitive() {
        assertThat(scim.post("/Groups", Scim.group("Engineering")).status()).isEqualTo(201);

        ScimClient.Response duplicate = scim.post("/Groups", Scim.group("Engineering"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("scimType").asText()).isEqualTo("uniqueness");

        assertThat(scim.post("/Groups", Scim.group("engineering")).status()).isEqualTo(201);
        assertThat(simulator.groupCount()).isEqualTo(2);
    }

    @Test
    void postWithoutDisplayNameIs400() {
        ScimClient.Response response = scim.post("/Groups", "{\"schemas\":[\"" + Scim.GROUP_SCHEMA + "\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(simulator.groupCount()).isZero();
    }

    @Test
    void getByIdReturnsTheGroupAndUnknownIs404() {
        String id = scim.post("/Groups", Scim.group("Engineering")).id();

        ScimClient.Response found = scim.get("/Groups/" + id);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.json().path("displayName").asText()).isEqualTo("Engineering");

        assertThat(scim.get("/Groups/lucid-group-9999").status()).isEqualTo(404);
        assertThat(scim.get("/Groups/lucid-1001").status()).isEqualTo(404);
    }

    @Test
    void putReplacesTheWholeGroupMembersIncluded() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String john = simulator.seedUser(Scim.user("john@example.com"));
        ScimClient.Response created = scim.post("/Groups", Scim.group("Engineering", jane));

        ScimClient.Response replaced = scim.put("/Groups/" + created.id(), Scim.group("Platform", john));

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("displayName").asText()).isEqualTo("Platform");
        assertThat(replaced.json().findValuesAsText("value")).containsExactly(john);
        assertThat(replaced.json().at("/meta/created").asText()).isEqualTo(created.json().at("/meta/created")
                .asText());
        assertThat(scim.get("/Groups/" + created.id()).json().findValuesAsText("value")).containsExactly(john);
        // the old name is free again
        assertThat(scim.post("/Groups", Scim.group("Engineering")).status()).isEqualTo(201);
    }

    @Test
    void putWithoutMembersEmptiesTheGroup() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String id = scim.post("/Groups", Scim.group("Engineering", jane)).id();

        ScimClient.Response replaced = scim.put("/Groups/" + id, Scim.group("Engineering"));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("members").size()).isZero();
        assertThat(simulator.group(id).orElseThrow().path("members").size()).isZero();
    }

    @Test
    void putCannotTakeAnotherGroupsName() {
        scim.post("/Groups", Scim.group("Engineering"));
        String sales = scim.post("/Groups", Scim.group("Sales")).id();

        assertThat(scim.put("/Groups/" + sales, Scim.group("Engineering")).status()).isEqualTo(409);
        assertThat(simulator.group(sales).orElseThrow().path("displayName").asText()).isEqualTo("Sales");
    }

    @Test
    void deleteIs204ThenTheGroupIsGone() {
        String id = scim.post("/Groups", Scim.group("Engineering")).id();

        ScimClient.Response deleted = scim.delete("/Groups/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + id).status()).isEqualTo(404);
        assertThat(scim.delete("/Groups/" + id).status()).isEqualTo(404);
        assertThat(simulator.groupCount()).isZero();
        assertThat(scim.post("/Groups", Scim.group("Engineering")).status()).isEqualTo(201);
    }

    @Test
    void groupsAreListed() {
        scim.post("/Groups", Scim.group("Engineering"));
        scim.post("/Groups", Scim.group("Sales"));

        ScimClient.Response list = scim.get("/Groups");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("schemas").get(0).asText()).isEqualTo(Scim.LIST_RESPONSE);
        assertThat(list.totalResults()).isEqualTo(2);
        assertThat(list.resourceIds()).containsExactly("lucid-group-1001", "lucid-group-1002");
    }
}
