package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A large group built and thinned by membership PATCHes: every member held once, in order, and each user's
 * {@code groups} following. (Each PATCH costs what reading and storing the group costs, not members times values:
 * the figures are in the README, not asserted here. The component's tests take a 10,000-member group through.)
 */
class LargeGroupTest extends SimulatorTestSupport {

    private static final int MEMBERS = 3_000;
    private static final int PER_PATCH = 300;

    @Test
    void aThreeThousandMemberGroupIsBuiltAndThinnedByPatches() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            users.add(simulator.seedUser(Scim.user("user" + i + "@example.com")));
        }
        String group = simulator.seedGroup(Scim.group("Everyone"));

        for (int from = 0; from < MEMBERS; from += PER_PATCH) {
            patchOk(group, "add", users.subList(from, from + PER_PATCH));
        }
        patchOk(group, "add", users.subList(0, PER_PATCH));

        JsonNode full = scim.get("/Groups/" + group).json();
        assertThat(full.path("members").findValuesAsText("value")).containsExactlyElementsOf(users);

        for (int from = 0; from < MEMBERS; from += 2 * PER_PATCH) {
            patchOk(group, "remove", users.subList(from, from + PER_PATCH));
        }

        List<String> kept = new ArrayList<>();
        for (int from = PER_PATCH; from < MEMBERS; from += 2 * PER_PATCH) {
            kept.addAll(users.subList(from, from + PER_PATCH));
        }
        assertThat(simulator.group(group).orElseThrow().path("members").findValuesAsText("value"))
                .containsExactlyElementsOf(kept);
        assertThat(simulator.user(users.get(0)).orElseThrow().has("groups")).isFalse();
        assertThat(simulator.user(users.get(PER_PATCH)).orElseThrow().path("groups").get(0).path("value").asText())
                .isEqualTo(group);
    }

    private static void patchOk(String group, String op, List<String> members) {
        ScimClient.Response response = scim.patch("/Groups/" + group, Scim.patch(Scim.op(op, "members",
                Scim.memberValues(members.toArray(String[]::new)))));
        assertThat(response.status()).as("%s of %d members: %s", op, members.size(), response.body()).isEqualTo(200);
    }
}
