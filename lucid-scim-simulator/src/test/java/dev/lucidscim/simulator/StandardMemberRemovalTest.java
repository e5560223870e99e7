package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standard dialect's member removal, RFC 7644 section 3.5.2.2: a {@code remove} of {@code members} without a
 * filter removes every member whatever its value lists; {@code members[value eq "..."]} removes one.
 */
class StandardMemberRemovalTest extends GroupMembersTestSupport {

    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().dialect(SimulatorDialect.STANDARD));
    }

    @Test
    void removeMembersWithAValueArrayRemovesEveryMember() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john, jill)));

        ScimClient.Response response = patch(Scim.op("remove", "members", Scim.memberValues(jane)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(memberIds()).isEmpty();
    }

    @Test
    void theLibraryReadsTheRemoveTheSameWay() {
        // a query string sends the PATCH through the SCIM library instead of the directory's membership PATCH
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john)));

        ScimClient.Response response = scim.patch("/Groups/" + group + "?attributes=displayName",
                Scim.patch(Scim.op("remove", "members", Scim.memberValues(jane))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(memberIds()).isEmpty();
    }

    @Test
    void aFilteredPathRemovesTheOneMember() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john, jill)));

        patchOk(Scim.op("remove", "members[value eq \"" + john + "\"]", null));

        assertThat(memberIds()).containsExactly(jane, jill);
    }

    @Test
    void aFilteredPathDecidesEvenWhenTheRemoveCarriesAValue() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john, jill)));

        patchOk(Scim.op("remove", "members[value eq \"" + john + "\"]", Scim.memberValues(jane)));

        assertThat(memberIds()).containsExactly(jane, jill);
    }

    @Test
    void addingStillAddsTheMembersListed() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane)));
        patchOk(Scim.op("add", "members", Scim.memberValues(john, jill)));

        assertThat(memberIds()).containsExactly(jane, john, jill);
    }

    @Test
    void aRemoveThenAnAddInOnePatchLeavesTheAddedMembers() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john)));

        patchOk(Scim.op("remove", "members", Scim.memberValues(john)), Scim.op("add", "members",
                Scim.memberValues(jill)));

        assertThat(memberIds()).containsExactly(jill);
    }
}
