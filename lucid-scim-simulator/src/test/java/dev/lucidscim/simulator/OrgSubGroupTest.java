package dev.lucidscim.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin-management token's org groups hold sub-groups, shown with type Group and a $ref to /Groups. */
class OrgSubGroupTest extends SimulatorTestSupport {

    @Test
    void aSubGroupMemberIsShownAsAGroupByIdAndInListings() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String backend = scim.post("/Groups", Scim.group("Backend")).id();
        String engineering = scim.post("/Groups", Scim.group("Engineering", backend, jane)).id();

        assertMembers(scim.get("/Groups/" + engineering).json(), backend, jane);
        assertMembers(scim.get("/Groups").resources().stream()
                .filter(group -> group.path("id").asText().equals(engineering)).findFirst().orElseThrow(),
                backend, jane);
    }

    @Test
    void aSubGroupAddedByAMembershipPatchIsShownAsAGroup() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String backend = simulator.seedGroup(Scim.group("Backend"));
        String engineering = simulator.seedGroup(Scim.group("Engineering", jane));

        ScimClient.Response patched = scim.patch("/Groups/" + engineering,
                Scim.patch(Scim.op("add", "members", Scim.memberValues(backend))));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertMembers(patched.json(), jane, backend);
    }

    private static void assertMembers(JsonNode group, String... ids) {
        JsonNode members = group.path("members");
        assertThat(members.findValuesAsText("value")).containsExactlyInAnyOrder(ids);
        for (JsonNode member : members) {
            boolean subGroup = member.path("value").asText().startsWith("lucid-group-");
            assertThat(member.path("type").asText()).isEqualTo(subGroup ? "Group" : "User");
            assertThat(member.path("$ref").asText()).isEqualTo(simulator.baseUrl()
                    + (subGroup ? "/Groups/" : "/Users/") + member.path("value").asText());
        }
    }
}
