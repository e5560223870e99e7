package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PATCH of users: replace with and without a path (core and extension attributes), add and remove. */
class UserPatchTest extends SimulatorTestSupport {

    private String id;

    @BeforeEach
    void seed() {
        ObjectNode jane = Scim.userNode("jane@example.com");
        jane.put("title", "Engineer");
        ((ArrayNode) jane.get("schemas")).add(Scim.ENTERPRISE).add(Scim.LUCID_2);
        jane.putObject(Scim.ENTERPRISE).put("department", "Engineering").put("costCenter", "CC-1");
        jane.putObject(Scim.LUCID_2).put("billingCode", "B-1").putObject("productLicenses")
                .put("Lucidchart", false).put("Lucidspark", true);
        id = simulator.seedUser(jane.toString());
    }

    @Test
    void replaceActiveWithPath() {
        JsonNode patched = patchOk(Scim.op("replace", "active", "false"));

        assertThat(patched.path("active").asBoolean(true)).isFalse();
        assertThat(stored().path("active").asBoolean(true)).isFalse();
        assertThat(simulator.activeUserCount()).isZero();

        patchOk(Scim.op("replace", "active", "true"));
        assertThat(stored().path("active").asBoolean()).isTrue();
        assertThat(simulator.activeUserCount()).isOne();
    }

    @Test
    void replaceGivenNameWithPath() {
        JsonNode patched = patchOk(Scim.op("replace", "name.givenName", "\"Janet\""));

        assertThat(patched.at("/name/givenName").asText()).isEqualTo("Janet");
        assertThat(stored().at("/name/givenName").asText()).isEqualTo("Janet");
        assertThat(stored().at("/name/familyName").asText()).isEqualTo("Family");
        assertThat(stored().path("userName").asText()).isEqualTo("jane@example.com");
    }

    @Test
    void replaceEnterpriseDepartmentWithPath() {
        JsonNode patched = patchOk(Scim.op("replace", Scim.ENTERPRISE + ":department", "\"Sales\""));

        assertThat(patched.path(Scim.ENTERPRISE).path("department").asText()).isEqualTo("Sales");
        assertThat(stored().path(Scim.ENTERPRISE).path("department").asText()).isEqualTo("Sales");
        assertThat(stored().path(Scim.ENTERPRISE).path("costCenter").asText()).isEqualTo("CC-1");
    }

    @Test
    void replaceLucidProductLicenseWithPath() {
        JsonNode patched = patchOk(Scim.op("replace", Scim.LUCID_2 + ":productLicenses.Lucidchart", "true"));

        JsonNode licenses = patched.path(Scim.LUCID_2).path("productLicenses");
        assertThat(licenses.path("Lucidchart").isBoolean()).isTrue();
        assertThat(licenses.path("Lucidchart").asBoolean()).isTrue();
        assertThat(stored().path(Scim.LUCID_2).path("productLicenses").path("Lucidchart").asBoolean()).isTrue();
        assertThat(stored().path(Scim.LUCID_2).path("productLicenses").path("Lucidspark").asBoolean()).isTrue();
        assertThat(stored().path(Scim.LUCID_2).path("billingCode").asText()).isEqualTo("B-1");
    }

    @Test
    void replaceAnExtensionAttributeOnAUserThatLacksTheExtension() {
        String john = simulator.seedUser(Scim.user("john@example.com"));

        ScimClient.Response response = scim.patch("/Users/" + john,
                Scim.patch(Scim.op("replace", Scim.LUCID_2 + ":productLicenses.Lucidchart", "true")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(simulator.user(john).orElseThrow().path(Scim.LUCID_2).path("productLicenses").path("Lucidchart")
                .asBoolean()).isTrue();
    }

    @Test
    void replaceWithoutPath() {
        JsonNode patched = patchOk(Scim.op("replace", null,
                "{\"active\":false,\"title\":\"Manager\",\"displayName\":\"Jane D\"}"));

        assertThat(patched.path("active").asBoolean(true)).isFalse();
        JsonNode stored = stored();
        assertThat(stored.path("active").asBoolean(true)).isFalse();
        assertThat(stored.path("title").asText()).isEqualTo("Manager");
        assertThat(stored.path("displayName").asText()).isEqualTo("Jane D");
        assertThat(stored.path("userName").asText()).isEqualTo("jane@example.com");
    }

    @Test
    void replaceWithoutPathReachesExtensions() {
        patchOk(Scim.op("replace", null, "{\"" + Scim.ENTERPRISE + "\":{\"department\":\"Sales\"}}"));

        assertThat(stored().path(Scim.ENTERPRISE).path("department").asText()).isEqualTo("Sales");
    }

    @Test
    void addWithPath() {
        patchOk(Scim.op("add", "nickName", "\"JJ\""),
                Scim.op("add", "emails", "[{\"value\":\"jane.private@example.com\",\"type\":\"home\"}]"));

        JsonNode stored = stored();
        assertThat(stored.path("nickName").asText()).isEqualTo("JJ");
        assertThat(stored.path("emails").findValuesAsText("value"))
                .containsExactlyInAnyOrder("jane@example.com", "jane.private@example.com");
        // the added e-mail is indexed: it is searchable and taken
        assertThat(scim.get(ScimClient.filtered("/Users", "emails.value eq \"jane.private@example.com\""))
                .resourceIds()).containsExactly(id);
        assertThat(scim.post("/Users", Scim.user("jane.private@example.com")).status()).isEqualTo(409);
    }

    @Test
    void addWithoutPath() {
        patchOk(Scim.op("add", null, "{\"nickName\":\"JJ\",\"externalId\":\"ext-7\"}"));

        assertThat(stored().path("nickName").asText()).isEqualTo("JJ");
        assertThat(stored().path("externalId").asText()).isEqualTo("ext-7");
    }

    @Test
    void removeWithPath() {
        patchOk(Scim.op("remove", "title", null), Scim.op("remove", Scim.ENTERPRISE + ":costCenter", null));

        JsonNode stored = stored();
        assertThat(stored.has("title")).isFalse();
        assertThat(stored.path(Scim.ENTERPRISE).has("costCenter")).isFalse();
        assertThat(stored.path(Scim.ENTERPRISE).path("department").asText()).isEqualTo("Engineering");
    }

    @Test
    void removeAFilteredMultiValuedEntry() {
        patchOk(Scim.op("add", "emails", "[{\"value\":\"jane.private@example.com\",\"type\":\"home\"}]"));

        patchOk(Scim.op("remove", "emails[value eq \"jane.private@example.com\"]", null));

        assertThat(stored().path("emails").findValuesAsText("value")).containsExactly("jane@example.com");
    }

    @Test
    void patchUpdatesLastModifiedAndVersion() throws Exception {
        JsonNode before = stored();
        Thread.sleep(5);

        JsonNode patched = patchOk(Scim.op("replace", "title", "\"Manager\""));

        assertThat(patched.at("/meta/version").asText()).isNotEqualTo(before.at("/meta/version").asText());
        assertThat(patched.at("/meta/created").asText()).isEqualTo(before.at("/meta/created").asText());
        assertThat(patched.at("/meta/lastModified").asText()).isNotEqualTo(before.at("/meta/lastModified").asText());
    }

    @Test
    void patchOfAnUnknownUserIs404() {
        ScimClient.Response response = scim.patch("/Users/lucid-9999",
                Scim.patch(Scim.op("replace", "active", "false")));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void aPatchThatBreaksUniquenessIs409AndChangesNothing() {
        simulator.seedUser(Scim.user("john@example.com"));

        ScimClient.Response response = scim.patch("/Users/" + id,
                Scim.patch(Scim.op("replace", "userName", "\"john@example.com\"")));

        assertThat(response.status()).isEqualTo(409);
        assertThat(stored().path("userName").asText()).isEqualTo("jane@example.com");
    }

    private JsonNode patchOk(String... operations) {
        ScimClient.Response response = scim.patch("/Users/" + id, Scim.patch(operations));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.id()).isEqualTo(id);
        return response.json();
    }

    private JsonNode stored() {
        ScimClient.Response response = scim.get("/Users/" + id);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
