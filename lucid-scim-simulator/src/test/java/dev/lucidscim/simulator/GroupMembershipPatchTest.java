package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** PATCH of group membership the way Lucid documents it (value arrays) and the filtered-path form. */
class GroupMembershipPatchTest extends GroupMembersTestSupport {

    @Test
    void addMembersWithAValueArray() {
        assertThat(jane).isEqualTo("lucid-1001");

        ScimClient.Response response = patch(Scim.op("add", "members", "[{\"value\":\"lucid-1001\"}]"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(memberIds()).containsExactly(jane);
        JsonNode member = simulator.group(group).orElseThrow().path("members").get(0);
        assertThat(member.path("display").asText()).isEqualTo("jane@example.com");

        patchOk(Scim.op("add", "members", Scim.memberValues(john, jill)));
        assertThat(memberIds()).containsExactlyInAnyOrder(jane, john, jill);
    }

    @Test
    void addingAnExistingMemberDoesNotDuplicateIt() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane)));

        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john)));
        patchOk(Scim.op("add", "members", Scim.memberValues(jane)));

        assertThat(memberIds()).containsExactlyInAnyOrder(jane, john);
        assertThat(scim.get("/Groups/" + group).json().path("members").size()).isEqualTo(2);
    }

    @Test
    void aDuplicateInOneRequestIsStoredOnce() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, jane)));

        assertThat(memberIds()).containsExactly(jane);
    }

    @Test
    void removeMembersWithAValueArray() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john, jill)));

        ScimClient.Response response = patch(Scim.op("remove", "members", Scim.memberValues(jane, jill)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(memberIds()).containsExactly(john);
    }

    @Test
    void theLibraryRemovesTheMembersOfAValueArrayToo() {
        // a query string sends the PATCH through the SCIM library instead of the directory's membership PATCH
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john, jill)));

        ScimClient.Response response = scim.patch("/Groups/" + group + "?attributes=displayName",
                Scim.patch(Scim.op("remove", "members", Scim.memberValues(jane, jill))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(memberIds()).containsExactly(john);
    }

    @Test
    void removeAMemberWithAFilteredPath() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john)));

        ScimClient.Response response = patch(Scim.op("remove", "members[value eq \"lucid-1001\"]", null));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(memberIds()).containsExactly(john);
    }

    @Test
    void removeAllMembersWithoutAValue() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john)));

        patchOk(Scim.op("remove", "members", null));

        assertThat(memberIds()).isEmpty();
    }

    @Test
    void replaceMembers() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane, john)));

        ScimClient.Response response = patch(Scim.op("replace", "members", Scim.memberValues(john, jill)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(memberIds()).containsExactlyInAnyOrder(john, jill);
    }

    @Test
    void replaceDisplayName() {
        patchOk(Scim.op("replace", "displayName", "\"Platform\""));

        assertThat(simulator.group(group).orElseThrow().path("displayName").asText()).isEqualTo("Platform");
        assertThat(simulator.groupByName("Engineering")).isEmpty();
        assertThat(simulator.groupByName("Platform")).isPresent();
    }

    @Test
    void anUnknownMemberIs400AndChangesNothing() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane)));

        ScimClient.Response response = patch(Scim.op("add", "members", Scim.memberValues(john, "lucid-9999")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(response.json().path("detail").asText()).contains("lucid-9999");
        assertThat(memberIds()).containsExactly(jane);
        assertThat(simulator.user(john).orElseThrow().has("groups")).isFalse();
    }

    @Test
    void anUnknownMemberInAPostIs400() {
        ScimClient.Response response = scim.post("/Groups", Scim.group("Sales", jane, "lucid-9999"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(simulator.groupByName("Sales")).isEmpty();
    }

    @Test
    void aGroupCanBeAMemberOfAnotherGroup() {
        String parent = simulator.seedGroup(Scim.group("Company"));

        ScimClient.Response response = scim.patch("/Groups/" + parent,
                Scim.patch(Scim.op("add", "members", Scim.memberValues(group, jane))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode members = simulator.group(parent).orElseThrow().path("members");
        assertThat(members.findValuesAsText("value")).containsExactlyInAnyOrder(group, jane);
        assertThat(members.findValuesAsText("display")).containsExactlyInAnyOrder("Engineering", "jane@example.com");
    }

    @Test
    void patchOfAnUnknownGroupIs404() {
        ScimClient.Response response = scim.patch("/Groups/lucid-group-9999",
                Scim.patch(Scim.op("add", "members", Scim.memberValues(jane))));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void aMembershipPatchAnswersWhatAGetAnswersAfterIt() {
        ScimClient.Response patched = patch(Scim.op("add", "members", Scim.memberValues(jane, john)));

        ScimClient.Response read = scim.get("/Groups/" + group);
        assertThat(patched.json()).isEqualTo(read.json());
        assertThat(patched.header("ETag")).isEqualTo(read.header("ETag"));
        assertThat(patched.header("Location")).isEqualTo(read.header("Location"));
        assertThat(patched.json().path("members").get(0).path("$ref").asText()).endsWith("/Users/" + jane);
    }

    @Test
    void removingTheLastMemberLeavesNoMembers() {
        patchOk(Scim.op("add", "members", Scim.memberValues(jane)));

        ScimClient.Response response = patch(Scim.op("remove", "members", Scim.memberValues(jane)));

        assertThat(response.json().has("members")).isFalse();
        assertThat(response.json()).isEqualTo(scim.get("/Groups/" + group).json());
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        ScimClient.Response first = patch(Scim.op("add", "members", Scim.memberValues(jane)));

        ScimClient.Response again = patch(Scim.op("add", "members", Scim.memberValues(jane)),
                Scim.op("remove", "members", Scim.memberValues(john)));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void aStaleIfMatchOnAMembershipPatchIs412AndChangesNothing() {
        String version = patch(Scim.op("add", "members", Scim.memberValues(jane))).header("ETag").orElseThrow();
        patchOk(Scim.op("add", "members", Scim.memberValues(john)));

        ScimClient.Response stale = scim.withIfMatch(version).patch("/Groups/" + group,
                Scim.patch(Scim.op("remove", "members", Scim.memberValues(jane))));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(memberIds()).containsExactly(jane, john);
        String current = scim.get("/Groups/" + group).header("ETag").orElseThrow();
        assertThat(scim.withIfMatch(current).patch("/Groups/" + group,
                Scim.patch(Scim.op("remove", "members", Scim.memberValues(jane)))).status()).isEqualTo(200);
        assertThat(memberIds()).containsExactly(john);
    }
}
