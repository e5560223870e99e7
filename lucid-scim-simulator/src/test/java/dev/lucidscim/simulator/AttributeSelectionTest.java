package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * attributes and excludedAttributes are honoured, on single resources and listings; id always comes back (the SCIM
 * library also always returns userName, which Lucid's documentation neither confirms nor rules out).
 */
class AttributeSelectionTest extends SimulatorTestSupport {

    private String jane;
    private String group;

    @BeforeEach
    void seed() {
        ObjectNode user = Scim.userNode("jane@example.com");
        user.put("title", "Engineer").put("externalId", "ext-1");
        ((ArrayNode) user.get("schemas")).add(Scim.LUCID_2);
        user.putObject(Scim.LUCID_2).put("billingCode", "B-1").putObject("productLicenses").put("Lucidchart", true);
        jane = simulator.seedUser(user.toString());
        group = simulator.seedGroup(Scim.group("Engineering", jane));
    }

    @Test
    void attributesKeepsOnlyTheNamedOnesAndId() {
        JsonNode user = get("/Users/" + jane + "?attributes=userName");

        assertThat(user.path("id").asText()).isEqualTo(jane);
        assertThat(user.path("userName").asText()).isEqualTo("jane@example.com");
        assertThat(user.has("emails")).isFalse();
        assertThat(user.has("name")).isFalse();
        assertThat(user.has("title")).isFalse();
        assertThat(user.has("active")).isFalse();
        assertThat(user.has(Scim.LUCID_2)).isFalse();
    }

    @Test
    void attributesSelectsSubAttributes() {
        JsonNode user = get("/Users/" + jane + "?attributes=name.givenName,emails.value");

        assertThat(user.path("id").asText()).isEqualTo(jane);
        assertThat(user.at("/name/givenName").asText()).isEqualTo("Given");
        assertThat(user.path("name").has("familyName")).isFalse();
        assertThat(user.at("/emails/0/value").asText()).isEqualTo("jane@example.com");
        assertThat(user.path("emails").get(0).has("type")).isFalse();
        assertThat(user.has("title")).isFalse();
        assertThat(user.has("active")).isFalse();
    }

    @Test
    void attributesSelectsExtensionAttributes() {
        JsonNode user = get("/Users/" + jane + "?attributes=" + Scim.LUCID_2 + ":productLicenses.Lucidchart");

        assertThat(user.path("id").asText()).isEqualTo(jane);
        assertThat(user.path(Scim.LUCID_2).path("productLicenses").path("Lucidchart").asBoolean()).isTrue();
        assertThat(user.path(Scim.LUCID_2).has("billingCode")).isFalse();
        assertThat(user.has("emails")).isFalse();
    }

    @Test
    void excludedAttributesDropsTheNamedOnes() {
        JsonNode user = get("/Users/" + jane + "?excludedAttributes=emails,title");

        assertThat(user.path("id").asText()).isEqualTo(jane);
        assertThat(user.has("emails")).isFalse();
        assertThat(user.has("title")).isFalse();
        assertThat(user.path("userName").asText()).isEqualTo("jane@example.com");
        assertThat(user.at("/name/givenName").asText()).isEqualTo("Given");
    }

    @Test
    void idIsReturnedEvenWhenExcluded() {
        JsonNode user = get("/Users/" + jane + "?excludedAttributes=id,userName");

        assertThat(user.path("id").asText()).isEqualTo(jane);
        assertThat(user.has("userName")).isFalse();
    }

    @Test
    void listingsHonourAttributes() {
        simulator.seedUser(Scim.user("john@example.com"));

        ScimClient.Response list = scim.get("/Users?attributes=userName");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.resources()).hasSize(2).allSatisfy(user -> {
            assertThat(user.path("id").asText()).startsWith("lucid-");
            assertThat(user.has("userName")).isTrue();
            assertThat(user.has("emails")).isFalse();
            assertThat(user.has("name")).isFalse();
        });
    }

    @Test
    void filteredListingsHonourExcludedAttributes() {
        ScimClient.Response list = scim.get(ScimClient.filtered("/Users", "userName eq \"jane@example.com\"")
                                            + "&excludedAttributes=emails,groups");

        assertThat(list.resources()).singleElement().satisfies(user -> {
            assertThat(user.path("id").asText()).isEqualTo(jane);
            assertThat(user.has("emails")).isFalse();
            assertThat(user.has("groups")).isFalse();
            assertThat(user.has("userName")).isTrue();
        });
    }

    @Test
    void groupsHonourAttributesAndExcludedAttributes() {
        JsonNode onlyName = get("/Groups/" + group + "?attributes=displayName");
        assertThat(onlyName.path("id").asText()).isEqualTo(group);
        assertThat(onlyName.path("displayName").asText()).isEqualTo("Engineering");
        assertThat(onlyName.has("members")).isFalse();

        JsonNode withoutMembers = get("/Groups/" + group + "?excludedAttributes=members");
        assertThat(withoutMembers.path("displayName").asText()).isEqualTo("Engineering");
        assertThat(withoutMembers.has("members")).isFalse();

        ScimClient.Response list = scim.get("/Groups?excludedAttributes=members");
        assertThat(list.resources()).singleElement().satisfies(g -> {
            assertThat(g.path("id").asText()).isEqualTo(group);
            assertThat(g.has("members")).isFalse();
        });
    }

    @Test
    void theUsersGroupsCanBeAskedFor() {
        JsonNode user = get("/Users/" + jane + "?attributes=groups");

        assertThat(user.path("id").asText()).isEqualTo(jane);
        assertThat(user.path("groups").findValuesAsText("value")).containsExactly(group);
        assertThat(user.has("emails")).isFalse();
        assertThat(user.has("title")).isFalse();
    }

    private static JsonNode get(String path) {
        ScimClient.Response response = scim.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
