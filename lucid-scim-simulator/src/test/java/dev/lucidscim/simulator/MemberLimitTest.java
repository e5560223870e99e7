package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The most member values one request to /Groups may carry: 413 (or 400 tooMany) past it, nothing changed. */
class MemberLimitTest extends GroupMembersTestSupport {

    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().maxMembersPerRequest(2));
    }

    @Test
    void aPatchOverTheLimitIs413AndChangesNothing() {
        ScimClient.Response refused = patch(Scim.op("add", "members", Scim.memberValues(jane, john, jill)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(refused.json().path("detail").asText()).contains("3 member values", "at most 2");
        assertThat(refused.json().has("scimType")).isFalse();
        assertThat(simulator.group(group).orElseThrow().path("members")).isEmpty();
        assertThat(simulator.requests().countWithStatus(413)).isOne();
    }

    @Test
    void addsAndRemovesOfOnePatchCountTogether() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john)));

        ScimClient.Response refused = patch(Scim.op("add", "members", Scim.memberValues(jill)),
                Scim.op("remove", "members", Scim.memberValues(jane, john)));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(memberIds()).containsExactly(jane, john);
    }

    @Test
    void upToTheLimitIsServed() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john)));
        patchOk(Scim.op("remove", "members", Scim.memberValues(jane)), Scim.op("add", "members",
                Scim.memberValues(jill)));
        patchOk(Scim.op("replace", "displayName", "\"Platform\""));

        assertThat(memberIds()).containsExactlyInAnyOrder(john, jill);
    }

    @Test
    void aFilteredRemoveCountsOne() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john)));

        patchOk(Scim.op("remove", "members[value eq \"" + jane + "\"]", null),
                Scim.op("remove", "members", Scim.memberValues(john)));

        assertThat(memberIds()).isEmpty();
    }

    @Test
    void thePostAndThePutOfAGroupAreLimitedToo() {
        assertThat(scim.post("/Groups", Scim.group("Sales", jane, john, jill)).status()).isEqualTo(413);
        assertThat(simulator.groupByName("Sales")).isEmpty();
        assertThat(scim.post("/Groups", Scim.group("Sales", jane, john)).status()).isEqualTo(201);

        assertThat(scim.put("/Groups/" + group, Scim.group("Engineering", jane, john, jill)).status())
                .isEqualTo(413);
        assertThat(scim.put("/Groups/" + group, Scim.group("Engineering", jill)).status()).isEqualTo(200);
    }

    @Test
    void usersAreNotLimited() {
        ObjectNode user = Scim.userNode("jim@example.com");
        ArrayNode members = user.putArray("members");
        for (String id : List.of(jane, john, jill)) {
            members.addObject().put("value", id);
        }

        assertThat(scim.post("/Users", user.toString()).status()).isNotEqualTo(413);
    }

    @Test
    void the400FormSaysTooMany() {
        try (LucidScimSimulator strict = LucidScimSimulator.builder().maxMembersPerRequest(1, 400).build().start()) {
            String one = strict.seedUser(Scim.user("jane@example.com"));
            String two = strict.seedUser(Scim.user("john@example.com"));
            String engineering = strict.seedGroup(Scim.group("Engineering"));

            ScimClient.Response refused = ScimClient.of(strict).patch("/Groups/" + engineering,
                    Scim.patch(Scim.op("add", "members", Scim.memberValues(one, two))));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("scimType").asText()).isEqualTo("tooMany");
        }
    }

    @Test
    void aLimitBelowOneOrAnotherStatusIsRefused() {
        assertThatThrownBy(() -> LucidScimSimulator.builder().maxMembersPerRequest(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> LucidScimSimulator.builder().maxMembersPerRequest(5, 422))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("413 or 400");
    }
}
