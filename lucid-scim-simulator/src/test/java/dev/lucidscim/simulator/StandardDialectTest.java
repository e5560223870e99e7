package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The standard dialect: where a strict RFC 7643/7644 server answers otherwise than Lucid. */
class StandardDialectTest extends SimulatorTestSupport {

    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().dialect(SimulatorDialect.STANDARD));
    }

    // schemas required (RFC 7643 section 3)

    @Test
    void aUserPostedWithoutSchemasIs400InvalidSyntax() {
        ObjectNode user = Scim.userNode("jane@example.com");
        user.remove("schemas");

        ScimClient.Response refused = scim.post("/Users", user.toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(refused.json().path("detail").asText()).contains("schemas is required", Scim.USER_SCHEMA);
        assertThat(simulator.userCount()).isZero();
    }

    @Test
    void aGroupPostedWithEmptySchemasIs400() {
        ScimClient.Response refused = scim.post("/Groups", "{\"schemas\":[],\"displayName\":\"Engineering\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(refused.json().path("detail").asText()).contains("schemas is required", Scim.GROUP_SCHEMA);
        assertThat(simulator.groupCount()).isZero();
    }

    @Test
    void schemasWithoutTheCoreSchemaAre400() {
        ObjectNode user = Scim.userNode("jane@example.com");
        user.putArray("schemas").add(Scim.ENTERPRISE);

        ScimClient.Response refused = scim.post("/Users", user.toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("core schema " + Scim.USER_SCHEMA);
    }

    @Test
    void anExtensionAttributeWhoseUrnSchemasDoesNotListIs400() {
        ObjectNode user = Scim.userNode("jane@example.com");
        user.putObject(Scim.ENTERPRISE).put("department", "Sales");

        ScimClient.Response refused = scim.post("/Users", user.toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(refused.json().path("detail").asText()).contains("add " + Scim.ENTERPRISE + " to schemas");
        assertThat(simulator.userCount()).isZero();

        ((ArrayNode) user.get("schemas")).add(Scim.ENTERPRISE);
        ScimClient.Response created = scim.post("/Users", user.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path(Scim.ENTERPRISE).path("department").asText()).isEqualTo("Sales");
    }

    @Test
    void aPutWithoutSchemasIs400AndChangesNothing() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        ObjectNode replacement = Scim.userNode("jane@example.com").put("title", "Boss");
        replacement.remove("schemas");

        ScimClient.Response refused = scim.put("/Users/" + jane, replacement.toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(simulator.user(jane).orElseThrow().has("title")).isFalse();
    }

    @Test
    void seedingIsNotHeldToTheSchemasRule() {
        String jane = simulator.seedUser("{\"userName\":\"jane@example.com\",\"emails\":[{\"value\":\"jane@example.com\"}]}");

        assertThat(simulator.user(jane)).isPresent();
    }

    // deactivated users stay listed

    @Test
    void aDeactivatedUserIsListedCountedAndFoundWithActiveFalse() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String gone = simulator.seedUser(Scim.inactiveUser("gone@example.com"));

        ScimClient.Response list = scim.get("/Users");
        assertThat(list.resourceIds()).containsExactly(jane, gone);
        assertThat(list.totalResults()).isEqualTo(2);
        assertThat(list.resources().get(1).path("active").asBoolean(true)).isFalse();

        assertThat(scim.get("/Users?startIndex=2&count=1").resourceIds()).containsExactly(gone);
        assertThat(scim.get(ScimClient.filtered("/Users", "userName eq \"gone@example.com\"")).resourceIds())
                .containsExactly(gone);
        assertThat(scim.get(ScimClient.filtered("/Users", "active eq false")).resourceIds()).containsExactly(gone);
        assertThat(simulator.activeUserCount()).isOne();
    }

    @Test
    void deactivatingByPatchKeepsTheUserInTheListing() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));

        scim.patch("/Users/" + jane, Scim.patch(Scim.op("replace", "active", "false")));

        JsonNode listed = scim.get(ScimClient.filtered("/Users", "emails.value eq \"jane@example.com\"")).resources()
                .get(0);
        assertThat(listed.path("id").asText()).isEqualTo(jane);
        assertThat(listed.path("active").asBoolean(true)).isFalse();
    }

    // meta.location without a Location header

    @Test
    void aCreateAnswersMetaLocationButNoLocationHeader() {
        ScimClient.Response created = scim.post("/Users", Scim.user("jane@example.com"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/meta/location").asText()).isEqualTo(simulator.baseUrl() + "/Users/" + created.id());
        assertThat(created.header("Location")).isEmpty();
        assertThat(created.header("ETag")).isPresent();
    }

    @Test
    void noOtherAnswerHasALocationHeaderEither() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String group = simulator.seedGroup(Scim.group("Engineering"));

        assertThat(scim.get("/Users/" + jane).header("Location")).isEmpty();
        assertThat(scim.put("/Users/" + jane, Scim.user("jane@example.com")).header("Location")).isEmpty();
        ScimClient.Response membership = scim.patch("/Groups/" + group,
                Scim.patch(Scim.op("add", "members", Scim.memberValues(jane))));
        assertThat(membership.status()).as(membership.toString()).isEqualTo(200);
        assertThat(membership.header("Location")).isEmpty();
        assertThat(membership.json().at("/meta/location").asText()).isEqualTo(simulator.baseUrl() + "/Groups/" + group);
    }
}
