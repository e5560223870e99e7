package dev.lucidscim.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The content-access token: its /Groups are teams, apart from the org groups, archived on DELETE. */
class TeamsTest extends SimulatorTestSupport {

    private static final String CONTENT_TOKEN = "content-access-token";

    private static ScimClient teams;

    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().contentAccessToken(CONTENT_TOKEN));
        teams = scim.withAuthorization("Bearer " + CONTENT_TOKEN);
    }

    @Test
    void teamsAndOrgGroupsAreSeparateNamespacesOverTheSameUsers() {
        String jane = teams.post("/Users", Scim.user("jane@example.com")).id();

        ScimClient.Response team = teams.post("/Groups", Scim.group("Engineering", jane));
        ScimClient.Response orgGroup = scim.post("/Groups", Scim.group("Engineering"));

        assertThat(team.status()).isEqualTo(201);
        assertThat(team.id()).isEqualTo("lucid-team-1001");
        assertThat(orgGroup.status()).isEqualTo(201);
        assertThat(orgGroup.id()).isEqualTo("lucid-group-1001");
        assertThat(teams.get("/Groups").resourceIds()).containsExactly(team.id());
        assertThat(scim.get("/Groups").resourceIds()).containsExactly(orgGroup.id());
        assertThat(scim.get("/Users/" + jane).status()).isEqualTo(200);
        assertThat(simulator.teams()).hasSize(1);
        assertThat(simulator.groupCount()).isEqualTo(1);
    }

    @Test
    void aTeamHoldsUsersOnly() {
        String orgGroup = simulator.seedGroup(Scim.group("Engineering"));
        String team = teams.post("/Groups", Scim.group("Writers")).id();

        ScimClient.Response created = teams.post("/Groups", Scim.group("Readers", orgGroup));
        ScimClient.Response patched = teams.patch("/Groups/" + team,
                Scim.patch(Scim.op("add", "members", Scim.memberValues(orgGroup))));

        for (ScimClient.Response refused : new ScimClient.Response[] {created, patched}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("detail").asText()).contains(orgGroup, "holds users only");
        }
        assertThat(simulator.teams()).hasSize(1);
    }

    @Test
    void deleteArchivesATeamWithItsMembers() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String team = teams.post("/Groups", Scim.group("Writers", jane)).id();

        assertThat(teams.delete("/Groups/" + team).status()).isEqualTo(204);

        assertThat(teams.get("/Groups/" + team).status()).isEqualTo(404);
        ScimClient.Response listed = teams.get("/Groups");
        assertThat(listed.resourceIds()).isEmpty();
        assertThat(listed.totalResults()).isZero();
        assertThat(teams.get(ScimClient.filtered("/Groups", "displayName eq \"Writers\"")).resourceIds()).isEmpty();
        assertThat(teams.delete("/Groups/" + team).status()).isEqualTo(404);
        assertThat(scim.get("/Users/" + jane).json().has("groups")).isFalse();
    }

    @Test
    void anArchivedTeamsNameStaysTaken() {
        String writers = teams.post("/Groups", Scim.group("Writers")).id();
        String readers = teams.post("/Groups", Scim.group("Readers")).id();
        teams.delete("/Groups/" + writers);

        ScimClient.Response renamed = teams.put("/Groups/" + readers, Scim.group("Writers"));

        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.json().path("detail").asText()).contains("archived team", "POST its name to restore it");
    }

    @Test
    void aPostOfAnArchivedTeamsNameRestoresItWithTheMembersPosted() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String joe = simulator.seedUser(Scim.user("joe@example.com"));
        String writers = teams.post("/Groups", Scim.group("Writers", jane)).id();
        teams.delete("/Groups/" + writers);

        ScimClient.Response restored = teams.post("/Groups", Scim.group("Writers", joe));

        assertThat(restored.status()).isEqualTo(201);
        assertThat(restored.id()).isEqualTo(writers);
        assertThat(teams.get("/Groups/" + writers).json().path("members").findValuesAsText("value"))
                .containsExactly(joe);
        assertThat(teams.get("/Groups").totalResults()).isEqualTo(1);
    }

    @Test
    void aNewTeamIsCreatedAndLastModifiedAtOneInstantAndARestoredOneKeepsItsCreation() {
        ScimClient.Response created = teams.post("/Groups", Scim.group("Writers"));
        teams.delete("/Groups/" + created.id());

        ScimClient.Response restored = teams.post("/Groups", Scim.group("Writers"));

        JsonNode createdMeta = created.json().path("meta");
        JsonNode restoredMeta = restored.json().path("meta");
        assertThat(createdMeta.path("lastModified").asText()).isEqualTo(createdMeta.path("created").asText());
        assertThat(restoredMeta.path("created").asText()).isEqualTo(createdMeta.path("created").asText());
        assertThat(Instant.parse(restoredMeta.path("lastModified").asText()))
                .isAfter(Instant.parse(restoredMeta.path("created").asText()));
    }

    @Test
    void aDeletedUserLeavesItsTeams() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String joe = simulator.seedUser(Scim.user("joe@example.com"));
        String writers = teams.post("/Groups", Scim.group("Writers", jane, joe)).id();

        assertThat(scim.delete("/Users/" + jane).status()).isEqualTo(204);

        assertThat(teams.get("/Groups/" + writers).json().path("members").findValuesAsText("value"))
                .containsExactly(joe);
    }

    @Test
    void theAdminTokenCannotSeeTeamsNorTheContentTokenOrgGroups() {
        String team = simulator.seedTeam(Scim.group("Writers"));
        String orgGroup = simulator.seedGroup(Scim.group("Engineering"));

        assertThat(scim.get("/Groups/" + team).status()).isEqualTo(404);
        assertThat(teams.get("/Groups/" + orgGroup).status()).isEqualTo(404);
    }

    @Test
    void eachTokenHasARateLimitOfItsOwn() {
        try (LucidScimSimulator limited = LucidScimSimulator.builder().contentAccessToken(CONTENT_TOKEN)
                .rateLimit(0.01, 1).build().start()) {
            ScimClient admin = ScimClient.of(limited);
            ScimClient content = admin.withAuthorization("Bearer " + CONTENT_TOKEN);

            assertThat(admin.get("/Users").status()).isEqualTo(200);
            assertThat(admin.get("/Users").status()).isEqualTo(429);
            assertThat(content.get("/Groups").status()).isEqualTo(200);
            assertThat(content.get("/Groups").status()).isEqualTo(429);
        }
    }

    @Test
    void theTwoTokensMustDiffer() {
        assertThatThrownBy(() -> LucidScimSimulator.builder().token("same").contentAccessToken("same").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
    }

    @Test
    void withoutAContentAccessTokenThereAreNoTeams() {
        try (LucidScimSimulator plain = LucidScimSimulator.builder().build().start()) {
            assertThatThrownBy(() -> plain.seedTeam(Scim.group("Writers")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("contentAccessToken");
            assertThat(ScimClient.of(plain).withAuthorization("Bearer " + CONTENT_TOKEN).get("/Groups").status())
                    .isEqualTo(401);
        }
    }
}
