package dev.lucidscim.simulator;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An account that licenses through org groups: licence writes succeed and change nothing; groups decide. */
class OrgGroupLicensingTest extends SimulatorTestSupport {

    private static final String LUCIDCHART_1 = Scim.LUCID_1 + ":productLicenses.Lucidchart";

    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder()
                .groupLicenses("Engineering", Map.of("lucidchart", true))
                .groupLicenses("Design", Map.of("Lucidspark", true, "Lucidchart", false)));
    }

    @Test
    void aCreatedUsersLicencesAreTheGroupsNotTheOnesWritten() {
        ScimClient.Response created = scim.post("/Users", Scim.userWithLucidchart("jane@example.com", true));

        assertThat(created.status()).isEqualTo(201);
        assertThat(licences(created.json(), Scim.LUCID_2).path("Lucidchart").asBoolean(true)).isFalse();
        assertThat(licences(scim.get("/Users/" + created.id()).json(), Scim.LUCID_1).path("Lucidchart")
                .asBoolean(true)).isFalse();
    }

    @Test
    void aUserHasTheLicencesOfItsGroupsInBothExtensions() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        simulator.seedGroup(Scim.group("Engineering", jane));
        simulator.seedGroup(Scim.group("Design", jane));

        JsonNode read = scim.get("/Users/" + jane).json();

        for (String extension : new String[] {Scim.LUCID_1, Scim.LUCID_2}) {
            assertThat(licences(read, extension).path("Lucidchart").asBoolean()).as(extension).isTrue();
            assertThat(licences(read, extension).path("Lucidspark").asBoolean()).as(extension).isTrue();
            assertThat(licences(read, extension).path("LucidscaleCreator").asBoolean(true)).as(extension).isFalse();
        }
        assertThat(read.path("schemas").toString()).contains(Scim.LUCID_1, Scim.LUCID_2);
    }

    @Test
    void aSubGroupsMembersHaveTheLicencesOfEveryGroupAboveIt() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String backend = simulator.seedGroup(Scim.group("Backend", jane));
        String platform = simulator.seedGroup(Scim.group("Platform", backend));
        simulator.seedGroup(Scim.group("Engineering", platform));

        assertThat(licences(scim.get("/Users/" + jane).json(), Scim.LUCID_1).path("Lucidchart").asBoolean())
                .isTrue();
    }

    @Test
    void aPatchOfALicenceSucceedsAndChangesNothing() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));

        ScimClient.Response patched = scim.patch("/Users/" + jane,
                Scim.patch(Scim.op("replace", Scim.LUCID_2 + ":productLicenses.Lucidchart", "true")));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(licences(scim.get("/Users/" + jane).json(), Scim.LUCID_2).path("Lucidchart").asBoolean(true))
                .isFalse();
    }

    @Test
    void aPutOfALicenceSucceedsAndChangesNothingWhileTheRestIsStored() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        simulator.seedGroup(Scim.group("Engineering", jane));
        ObjectNode user = Scim.userNode("jane@example.com").put("title", "Boss");
        ((ArrayNode) user.get("schemas")).add(Scim.LUCID_1);
        user.putObject(Scim.LUCID_1).putObject("productLicenses").put("Lucidchart", false).put("Lucidspark", true);

        ScimClient.Response replaced = scim.put("/Users/" + jane, user.toString());

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        JsonNode read = scim.get("/Users/" + jane).json();
        assertThat(read.path("title").asText()).isEqualTo("Boss");
        assertThat(licences(read, Scim.LUCID_1).path("Lucidchart").asBoolean()).isTrue();
        assertThat(licences(read, Scim.LUCID_1).path("Lucidspark").asBoolean(true)).isFalse();
    }

    @Test
    void aFilterOnALicenceFlagFindsTheGroupsMembers() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        simulator.seedUser(Scim.user("joe@example.com"));
        simulator.seedGroup(Scim.group("Engineering", jane));

        ScimClient.Response found = scim.get(ScimClient.filtered("/Users", LUCIDCHART_1 + " eq true"));

        assertThat(found.resourceIds()).containsExactly(jane);
    }

    @Test
    void byDefaultLicencesAreStoredAsWritten() {
        try (LucidScimSimulator plain = LucidScimSimulator.builder().build().start()) {
            ScimClient client = ScimClient.of(plain);

            ScimClient.Response created = client.post("/Users", Scim.userWithLucidchart("jane@example.com", true));

            assertThat(licences(client.get("/Users/" + created.id()).json(), Scim.LUCID_2).path("Lucidchart")
                    .asBoolean()).isTrue();
            assertThat(client.get("/Users/" + created.id()).json().has(Scim.LUCID_1)).isFalse();
        }
    }

    @Test
    void anUnknownProductIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> LucidScimSimulator.builder().groupLicenses("Engineering", Map.of("Visio", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Visio").hasMessageContaining("Lucidchart, Lucidspark");
    }

    private static JsonNode licences(JsonNode user, String extension) {
        return user.path(extension).path("productLicenses");
    }
}
