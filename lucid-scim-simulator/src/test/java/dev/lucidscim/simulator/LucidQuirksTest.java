package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Where Lucid differs from a plain SCIM server: the behaviours the component has to cope with. */
class LucidQuirksTest extends SimulatorTestSupport {

    // deactivated users

    @Test
    void aDeactivatedUserIsLeftOutOfTheListingAndItsTotalButReturnedById() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String gone = simulator.seedUser(Scim.inactiveUser("gone@example.com"));
        String john = simulator.seedUser(Scim.user("john@example.com"));

        ScimClient.Response list = scim.get("/Users");
        assertThat(list.resourceIds()).containsExactly(jane, john);
        assertThat(list.totalResults()).isEqualTo(2);

        ScimClient.Response byId = scim.get("/Users/" + gone);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().path("active").asBoolean(true)).isFalse();
        assertThat(byId.json().path("userName").asText()).isEqualTo("gone@example.com");

        assertThat(simulator.userCount()).isEqualTo(3);
        assertThat(simulator.activeUserCount()).isEqualTo(2);
    }

    @Test
    void aDeactivatedUserIsLeftOutOfPagesToo() {
        simulator.seedUser(Scim.inactiveUser("gone@example.com"));
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        simulator.seedUser(Scim.inactiveUser("gone2@example.com"));
        String john = simulator.seedUser(Scim.user("john@example.com"));

        assertThat(scim.get("/Users?startIndex=1&count=1").resourceIds()).containsExactly(jane);
        assertThat(scim.get("/Users?startIndex=2&count=1").resourceIds()).containsExactly(john);
        assertThat(scim.get("/Users?startIndex=3&count=1").resources()).isEmpty();
        assertThat(scim.get("/Users?startIndex=2&count=1").totalResults()).isEqualTo(2);
    }

    @Test
    void aDeactivatedUserIsLeftOutOfFilteredSearches() {
        ObjectNode gone = Scim.userNode("gone@example.com");
        gone.put("active", false).put("externalId", "ext-gone").put("title", "Retired");
        ((ArrayNode) gone.get("schemas")).add(Scim.LUCID_2);
        gone.putObject(Scim.LUCID_2).putObject("productLicenses").put("Lucidchart", true);
        String goneId = simulator.seedUser(gone.toString());

        for (String filter : List.of("userName eq \"gone@example.com\"", "emails.value eq \"gone@example.com\"",
                "externalId eq \"ext-gone\"", "title eq \"Retired\"", "id eq \"" + goneId + "\"",
                Scim.LUCID_2 + ":productLicenses.Lucidchart eq true")) {
            ScimClient.Response response = scim.get(ScimClient.filtered("/Users", filter));
            assertThat(response.status()).as(filter + ": " + response).isEqualTo(200);
            assertThat(response.totalResults()).as(filter).isZero();
            assertThat(response.resources()).as(filter).isEmpty();
        }
    }

    @Test
    void deactivatingByPatchHidesTheUserAndReactivatingShowsItAgain() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String byName = ScimClient.filtered("/Users", "userName eq \"jane@example.com\"");

        scim.patch("/Users/" + jane, Scim.patch(Scim.op("replace", "active", "false")));
        assertThat(scim.get("/Users").totalResults()).isZero();
        assertThat(scim.get(byName).totalResults()).isZero();

        scim.patch("/Users/" + jane, Scim.patch(Scim.op("replace", "active", "true")));
        assertThat(scim.get("/Users").resourceIds()).containsExactly(jane);
        assertThat(scim.get(byName).resourceIds()).containsExactly(jane);
    }

    @Test
    void deactivatingByPutHidesTheUser() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));

        assertThat(scim.put("/Users/" + jane, Scim.inactiveUser("jane@example.com")).status()).isEqualTo(200);

        assertThat(scim.get("/Users").totalResults()).isZero();
        assertThat(simulator.activeUserCount()).isZero();
        assertThat(scim.get("/Users/" + jane).json().path("active").asBoolean(true)).isFalse();
    }

    @Test
    void creatingTheUserNameOfADeactivatedUserIs409() {
        simulator.seedUser(Scim.inactiveUser("gone@example.com"));

        ScimClient.Response response = scim.post("/Users", Scim.user("Gone@Example.com"));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(simulator.userCount()).isEqualTo(1);
    }

    @Test
    void creatingTheEmailOfADeactivatedUserIs409() {
        ObjectNode gone = Scim.userNode("gone");
        gone.put("active", false).putArray("emails").addObject().put("value", "gone@example.com");
        simulator.seedUser(gone.toString());

        ScimClient.Response response = scim.post("/Users", Scim.user("gone@example.com"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("scimType").asText()).isEqualTo("uniqueness");
    }

    // another Lucid account, protected users

    @Test
    void aNameReservedForAnotherAccountIs409MentioningTheOtherAccount() {
        simulator.reserveForOtherAccount("Taken@Example.com");

        ScimClient.Response response = scim.post("/Users", Scim.user("taken@example.com"));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().path("scimType").asText()).isEqualTo("uniqueness");
        assertThat(response.json().path("detail").asText()).contains("another Lucid account");
        assertThat(simulator.userCount()).isZero();
    }

    @Test
    void anEmailReservedForAnotherAccountIs409Too() {
        simulator.reserveForOtherAccount("taken@example.com");
        ObjectNode user = Scim.userNode("someone");
        user.putArray("emails").addObject().put("value", "taken@example.com");

        ScimClient.Response response = scim.post("/Users", user.toString());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("detail").asText()).contains("another Lucid account");
    }

    @Test
    void aLocalDuplicateIs409WithoutMentioningAnotherAccount() {
        simulator.seedUser(Scim.user("jane@example.com"));

        ScimClient.Response response = scim.post("/Users", Scim.user("jane@example.com"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("detail").asText()).doesNotContain("another Lucid account");
    }

    @Test
    void aProtectedUserCannotBeDeleted() {
        String owner = simulator.seedUser(Scim.user("owner@example.com"));
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        simulator.protectFromDeletion(owner);

        ScimClient.Response response = scim.delete("/Users/" + owner);

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(simulator.user(owner)).isPresent();
        assertThat(scim.delete("/Users/" + jane).status()).isEqualTo(204);
        // a protected user can still be changed, deactivated included
        assertThat(scim.patch("/Users/" + owner, Scim.patch(Scim.op("replace", "active", "false"))).status())
                .isEqualTo(200);
    }

    // groups

    @Test
    void aGroupWithMembersCannotBeDeletedUntilTheyAreRemoved() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String group = simulator.seedGroup(Scim.group("Engineering", jane));

        ScimClient.Response refused = scim.delete("/Groups/" + group);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(simulator.group(group)).isPresent();

        scim.patch("/Groups/" + group, Scim.patch(Scim.op("remove", "members", Scim.memberValues(jane))));

        assertThat(scim.delete("/Groups/" + group).status()).isEqualTo(204);
        assertThat(simulator.group(group)).isEmpty();
    }

    @Test
    void aUsersGroupsFollowMembership() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String john = simulator.seedUser(Scim.user("john@example.com"));
        String engineering = simulator.seedGroup(Scim.group("Engineering"));
        String sales = simulator.seedGroup(Scim.group("Sales", jane));
        assertThat(groupsOf(jane)).containsExactly(sales);
        assertThat(scim.get("/Users/" + jane).json().at("/groups/0/display").asText()).isEqualTo("Sales");

        scim.patch("/Groups/" + engineering, Scim.patch(Scim.op("add", "members", Scim.memberValues(jane, john))));
        assertThat(groupsOf(jane)).containsExactlyInAnyOrder(sales, engineering);
        assertThat(groupsOf(john)).containsExactly(engineering);

        scim.patch("/Groups/" + sales, Scim.patch(Scim.op("remove", "members", Scim.memberValues(jane))));
        assertThat(groupsOf(jane)).containsExactly(engineering);

        scim.put("/Groups/" + engineering, Scim.group("Engineering", john));
        assertThat(groupsOf(jane)).isEmpty();
        assertThat(scim.get("/Users/" + jane).json().path("groups").size()).isZero();

        // a renamed group shows its new name in the user's groups
        scim.patch("/Groups/" + engineering, Scim.patch(Scim.op("replace", "displayName", "\"Platform\"")));
        assertThat(scim.get("/Users/" + john).json().at("/groups/0/display").asText()).isEqualTo("Platform");

        // the listing shows groups too
        JsonNode listed = scim.get(ScimClient.filtered("/Users", "userName eq \"john@example.com\"")).resources()
                .get(0);
        assertThat(listed.path("groups").findValuesAsText("value")).containsExactly(engineering);
    }

    @Test
    void deletingAnEmptiedGroupRemovesItFromItsFormerMembersGroups() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String engineering = simulator.seedGroup(Scim.group("Engineering", jane));
        String sales = simulator.seedGroup(Scim.group("Sales", jane));

        scim.patch("/Groups/" + engineering, Scim.patch(Scim.op("remove", "members", null)));
        assertThat(scim.delete("/Groups/" + engineering).status()).isEqualTo(204);

        assertThat(groupsOf(jane)).containsExactly(sales);
        assertThat(simulator.user(jane).orElseThrow().path("groups").findValuesAsText("value"))
                .containsExactly(sales);
    }

    @Test
    void deletingAUserRemovesItFromItsGroups() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String john = simulator.seedUser(Scim.user("john@example.com"));
        String engineering = simulator.seedGroup(Scim.group("Engineering", jane, john));
        String solo = simulator.seedGroup(Scim.group("Solo", jane));

        assertThat(scim.delete("/Users/" + jane).status()).isEqualTo(204);

        assertThat(scim.get("/Groups/" + engineering).json().path("members").findValuesAsText("value"))
                .containsExactly(john);
        assertThat(scim.get("/Groups/" + solo).json().path("members").size()).isZero();
        // the group that lost its last member can now be deleted
        assertThat(scim.delete("/Groups/" + solo).status()).isEqualTo(204);
        // and the old member id is not a member any more anywhere
        assertThat(scim.patch("/Groups/" + engineering, Scim.patch(Scim.op("add", "members",
                Scim.memberValues(jane)))).status()).isEqualTo(400);
    }

    @Test
    void deletingAProtectedUserLeavesItsGroupsAlone() {
        String owner = simulator.seedUser(Scim.user("owner@example.com"));
        String group = simulator.seedGroup(Scim.group("Admins", owner));
        simulator.protectFromDeletion(owner);

        assertThat(scim.delete("/Users/" + owner).status()).isEqualTo(409);

        assertThat(simulator.group(group).orElseThrow().path("members").findValuesAsText("value"))
                .containsExactly(owner);
    }

    /**
     * Organizational groups may contain sub-groups. Deleting a (memberless) sub-group must drop it from its parent's
     * members, as deleting a user does; otherwise the parent holds a dangling member, cannot be changed any more
     * (every write re-checks members and answers 400) and cannot be deleted.
     */
    @Test
    void deletingASubGroupRemovesItFromItsParent() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String team = simulator.seedGroup(Scim.group("Team"));
        String company = simulator.seedGroup(Scim.group("Company", team, jane));

        assertThat(scim.delete("/Groups/" + team).status()).isEqualTo(204);

        assertThat(scim.get("/Groups/" + company).json().path("members").findValuesAsText("value"))
                .containsExactly(jane);
        ScimClient.Response rename = scim.patch("/Groups/" + company,
                Scim.patch(Scim.op("replace", "displayName", "\"Company Inc\"")));
        assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
    }

    @Test
    void aUsersGroupsAreReadOnly() {
        String group = simulator.seedGroup(Scim.group("Engineering"));
        ObjectNode user = Scim.userNode("jane@example.com");
        user.putArray("groups").addObject().put("value", group);

        ScimClient.Response created = scim.post("/Users", user.toString());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("groups")).isFalse();
        assertThat(simulator.group(group).orElseThrow().path("members").size()).isZero();
    }

    @Test
    void aPutOfAUserKeepsItsMemberships() {
        String jane = simulator.seedUser(Scim.user("jane@example.com"));
        String group = simulator.seedGroup(Scim.group("Engineering", jane));

        ScimClient.Response replaced = scim.put("/Users/" + jane, Scim.userNode("jane@example.com")
                .put("title", "Boss").toString());

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("groups").findValuesAsText("value")).containsExactly(group);
        assertThat(groupsOf(jane)).containsExactly(group);
    }

    @Test
    void attributesUnderSchemasLucidDoesNotListAreSilentlyDropped() {
        ObjectNode user = Scim.userNode("jane@example.com");
        ((ArrayNode) user.get("schemas")).add("urn:example:custom:2.0:User");
        user.put("favouriteColour", "blue");
        user.putObject("urn:example:custom:2.0:User").put("shoeSize", 44);

        ScimClient.Response created = scim.post("/Users", user.toString());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode stored = scim.get("/Users/" + created.id()).json();
        assertThat(stored.has("favouriteColour")).isFalse();
        assertThat(stored.has("urn:example:custom:2.0:User")).isFalse();
        assertThat(stored.path("schemas").toString()).doesNotContain("urn:example:custom");
    }

    @Test
    void aResourceSentWithoutSchemasIsGivenThem() {
        ObjectNode user = Scim.userNode("jane@example.com");
        user.remove("schemas");
        user.putObject(Scim.ENTERPRISE).put("department", "Sales");

        ScimClient.Response created = scim.post("/Users", user.toString());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("schemas").toString()).contains(Scim.USER_SCHEMA, Scim.ENTERPRISE);
        assertThat(created.json().path(Scim.ENTERPRISE).path("department").asText()).isEqualTo("Sales");
        assertThat(scim.post("/Groups", "{\"displayName\":\"Engineering\"}").status()).isEqualTo(201);
    }

    @Test
    void bothLicensingExtensionsAreAccepted() {
        ObjectNode user = Scim.userNode("jane@example.com");
        ((ArrayNode) user.get("schemas")).add(Scim.LUCID_1).add(Scim.LUCID_2);
        user.putObject(Scim.LUCID_1).putObject("productLicenses").put("Lucidspark", true);
        user.putObject(Scim.LUCID_2).put("billingCode", "B-7").putObject("productLicenses")
                .put("LucidscaleCreator", true);

        ScimClient.Response created = scim.post("/Users", user.toString());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode stored = scim.get("/Users/" + created.id()).json();
        assertThat(stored.path(Scim.LUCID_1).path("productLicenses").path("Lucidspark").asBoolean()).isTrue();
        assertThat(stored.path(Scim.LUCID_2).path("productLicenses").path("LucidscaleCreator").asBoolean()).isTrue();
        assertThat(stored.path(Scim.LUCID_2).path("billingCode").asText()).isEqualTo("B-7");
        assertThat(stored.path("schemas").toString()).contains(Scim.LUCID_1, Scim.LUCID_2);
    }

    // protocol leniency and older API versions

    @Test
    void applicationJsonIsAcceptedAsContentType() throws Exception {
        ScimClient.Response created = scim.send("POST", "/Users", Scim.user("jane@example.com"), "application/json");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        ScimClient.Response patched = scim.send("PATCH", "/Users/" + created.id(),
                Scim.patch(Scim.op("replace", "title", "\"Boss\"")), "application/json");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        ScimClient.Response replaced = scim.send("PUT", "/Users/" + created.id(), Scim.user("jane@example.com"),
                "application/json; charset=utf-8");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);

        ScimClient.Response group = scim.send("POST", "/Groups", Scim.group("Engineering", created.id()),
                "application/json");
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
    }

    @Test
    void aUserWithoutEmailsIsRefusedAsLucidRequiresThem() {
        ScimClient.Response response = scim.post("/Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"jane@example.com\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("detail").asText()).contains("emails");
        assertThat(simulator.userCount()).isZero();
    }

    @Test
    void aGroupCannotBeAMemberOfItself() throws Exception {
        String engineering = simulator.seedGroup(Scim.group("Engineering"));

        ScimClient.Response response = scim.send("PATCH", "/Groups/" + engineering, Scim.patch(Scim.op("add",
                "members", "[{\"value\":\"" + engineering + "\"}]")), "application/scim+json");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
    }

    @Test
    void anUnknownUserIs404ByDefault() {
        assertThat(scim.get("/Users/lucid-9999").status()).isEqualTo(404);
    }

    @Test
    void forbiddenForUnknownUsersAnswers403ForAnUnknownUser() {
        try (LucidScimSimulator older = LucidScimSimulator.builder().forbiddenForUnknownUsers(true).build().start()) {
            ScimClient olderScim = ScimClient.of(older);
            String jane = older.seedUser(Scim.user("jane@example.com"));

            ScimClient.Response unknown = olderScim.get("/Users/lucid-9999");
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(403);
            assertThat(unknown.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);

            assertThat(olderScim.get("/Users/" + jane).status()).isEqualTo(200);
            assertThat(olderScim.get("/Groups/lucid-group-9999").status()).isEqualTo(404);
            assertThat(olderScim.get(ScimClient.filtered("/Users", "userName eq \"x@example.com\"")).status())
                    .isEqualTo(200);
        }
    }

    private static List<String> groupsOf(String userId) {
        ScimClient.Response response = scim.get("/Users/" + userId);
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("groups").findValuesAsText("value");
    }
}
