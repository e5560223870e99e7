package dev.lucidscim.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.error.ScimMembershipIncompleteException;
import dev.lucidscim.error.ScimRequestRejectedException;
import dev.lucidscim.error.ScimServerException;
import dev.lucidscim.error.ScimTransportException;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Membership in chunks against the simulator: how many member values each request carries, the split of a chunk
 * refused as too large (413 and 400 tooMany), and what a failure part way says.
 */
class GroupMembershipPatchesTest {

    private LucidScimSimulator lucid;

    @AfterEach
    void stopLucid() {
        if (lucid != null) {
            lucid.stop();
        }
    }

    @Test
    void membersGoInChunksOfMembersPerPatchInTheOrderGiven() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder(), 100);
        List<String> users = seedUsers(250);
        String group = lucid.seedGroup("{\"displayName\":\"Engineering\"}");

        ScimGroup result = memberships.patch(group, List.of(), users, List.of()).resource();

        assertThat(memberValuesPerPatch()).containsExactly(100, 100, 50);
        assertThat(result.members()).extracting("value").containsExactlyElementsOf(users);
    }

    @Test
    void attributesGoInTheFirstPatchAndAddsBeforeRemoves() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder(), 100);
        List<String> users = seedUsers(130);
        List<String> leaving = users.subList(0, 60);
        List<String> joining = users.subList(60, 130);
        String group = lucid.seedGroup(ScimJson.toJson(ScimGroup.builder().displayName("Engineering")
                .memberIds(leaving).build()));

        memberships.patch(group, List.of(PatchOperation.replace("displayName", "Platform")), joining, leaving);

        List<JsonNode> bodies = patchBodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).path("Operations")).extracting(op -> op.path("op").asText() + " "
                + op.path("path").asText() + " " + op.path("value").size()).containsExactly(
                "replace displayName 0", "add members 70", "remove members 30");
        assertThat(bodies.get(1).path("Operations")).extracting(op -> op.path("op").asText() + " "
                + op.path("value").size()).containsExactly("remove 30");
        JsonNode stored = lucid.group(group).orElseThrow();
        assertThat(stored.path("displayName").asText()).isEqualTo("Platform");
        assertThat(stored.path("members").findValuesAsText("value")).containsExactlyElementsOf(joining);
    }

    @Test
    void aChunkRefusedWith413IsSplitAndTheRestGoesOnAtTheSmallerSize() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder().maxMembersPerRequest(30), 100);
        List<String> users = seedUsers(200);
        String group = lucid.seedGroup("{\"displayName\":\"Engineering\"}");

        memberships.patch(group, List.of(), users, List.of());

        // 100 and 50 refused, then 25 at a time: ceil(200 / 25) = 8 applied + 2 refused
        assertThat(memberValuesPerPatch()).containsExactly(100, 50, 25, 25, 25, 25, 25, 25, 25, 25);
        assertThat(lucid.requests().countWithStatus(413)).isEqualTo(2);
        assertThat(memberIds(group)).containsExactlyElementsOf(users);
    }

    @Test
    void aChunkRefusedWith400TooManyIsSplitToo() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder().maxMembersPerRequest(40, 400),
                100);
        List<String> users = seedUsers(120);
        String group = lucid.seedGroup("{\"displayName\":\"Engineering\"}");

        memberships.patch(group, List.of(), users, List.of());

        assertThat(memberValuesPerPatch()).containsExactly(100, 50, 25, 25, 25, 25, 20);
        assertThat(lucid.requests().countWithStatus(400)).isEqualTo(2);
        assertThat(memberIds(group)).containsExactlyElementsOf(users);
    }

    @Test
    void aSingleMemberStillRefusedAsTooLargeFailsTyped() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder(), 100);
        List<String> users = seedUsers(3);
        String group = lucid.seedGroup("{\"displayName\":\"Engineering\"}");
        lucid.faults().add(FaultRule.respond(413).onlyFor("PATCH", "/Groups"));

        ScimMembershipIncompleteException failure = catchThrowableOfType(ScimMembershipIncompleteException.class,
                () -> memberships.patch(group, List.of(), users, List.of()));

        assertThat(memberValuesPerPatch()).containsExactly(3, 2, 1);
        assertThat(failure.getStatus()).isEqualTo(413);
        assertThat(failure.getCause()).isInstanceOf(ScimRequestRejectedException.class);
        assertThat(failure.getMembersApplied()).isZero();
        assertThat(failure.getMemberIdsNotAdded()).containsExactlyElementsOf(users);
        assertThat(failure).hasMessageContaining("refused a PATCH of a single member as too large");
    }

    @Test
    void aFailureAfterAppliedChunksSaysHowManyWereAppliedAndWhichAreLeft() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder(), 100);
        List<String> users = seedUsers(450);
        String group = lucid.seedGroup("{\"displayName\":\"Engineering\"}");
        lucid.faults().add(FaultRule.respond(500).onlyFor("PATCH", "/Groups").every(3));

        ScimMembershipIncompleteException failure = catchThrowableOfType(ScimMembershipIncompleteException.class,
                () -> memberships.patch(group, List.of(), users, List.of()));

        assertThat(failure.getGroupId()).isEqualTo(group);
        assertThat(failure.getMembersApplied()).isEqualTo(200);
        assertThat(failure.getMembersNotApplied()).isEqualTo(250);
        assertThat(failure.getMemberIdsNotAdded()).containsExactlyElementsOf(users.subList(200, 450));
        assertThat(failure.getMemberIdsNotRemoved()).isEmpty();
        assertThat(failure.getStatus()).isEqualTo(500);
        assertThat(failure.getCause()).isInstanceOf(ScimServerException.class);
        assertThat(failure).hasMessageContaining("200 of 450 member change(s) by PATCH were applied (200 added, "
                                                 + "0 removed)").hasMessageContaining("250 to add and 0 to remove "
                                                 + "were not applied").hasMessageContaining("upsert the group again")
                .hasMessageContaining("PATCH /Groups/" + group + " -> HTTP 500");
        assertThat(memberIds(group)).containsExactlyElementsOf(users.subList(0, 200));
    }

    @Test
    void aLostAnswerAfterAppliedChunksSaysThatChunkMayHaveBeenApplied() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder(), 100);
        List<String> users = seedUsers(250);
        String group = lucid.seedGroup("{\"displayName\":\"Engineering\"}");
        lucid.faults().add(FaultRule.dropConnection().onlyFor("PATCH", "/Groups").every(2));

        ScimMembershipIncompleteException failure = catchThrowableOfType(ScimMembershipIncompleteException.class,
                () -> memberships.patch(group, List.of(), users, List.of()));

        assertThat(failure.getCause()).isInstanceOf(ScimTransportException.class);
        assertThat(failure.getMembersApplied()).isEqualTo(100);
        assertThat(failure).hasMessageContaining("(the 100 of the failed PATCH may have been)");
    }

    @Test
    void aFailureOfTheFirstPatchIsThrownAsItCame() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder(), 100);
        List<String> users = seedUsers(150);
        String group = lucid.seedGroup("{\"displayName\":\"Engineering\"}");
        lucid.faults().add(FaultRule.respond(500).onlyFor("PATCH", "/Groups").next(1));

        assertThatThrownBy(() -> memberships.patch(group, List.of(), users, List.of()))
                .isExactlyInstanceOf(ScimServerException.class);
        assertThat(memberIds(group)).isEmpty();
    }

    @Test
    void aCreatePostsMembersPerPatchMembersAndPatchesTheRest() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder(), 100);
        List<String> users = seedUsers(250);

        ScimResponse<ScimGroup> created = memberships.create(ScimGroup.builder().displayName("Engineering")
                .memberIds(users).build());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).endsWith("/Groups/" + created.resource().id());
        assertThat(created.resource().members()).extracting("value").containsExactlyElementsOf(users);
        assertThat(lucid.requests().all()).extracting(RecordedRequest::method).containsExactly("POST", "PATCH",
                "PATCH");
        assertThat(tree(lucid.requests().all().get(0).body()).path("members").size()).isEqualTo(100);
        assertThat(memberValuesPerPatch()).containsExactly(100, 50);
    }

    @Test
    void aCreateRefusedAsTooLargeIsPostedWithHalfTheMembers() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder().maxMembersPerRequest(30), 100);
        List<String> users = seedUsers(100);

        ScimGroup created = memberships.create(ScimGroup.builder().displayName("Engineering").memberIds(users).build())
                .resource();

        // POSTs of 100 and 50 refused, 25 accepted; the other 75 in PATCHes of 25
        assertThat(lucid.requests().all()).extracting(RecordedRequest::method, RecordedRequest::status)
                .startsWith(tuple("POST", 413), tuple("POST", 413), tuple("POST", 201));
        assertThat(memberValuesPerPatch()).containsExactly(25, 25, 25);
        assertThat(memberIds(created.id())).containsExactlyElementsOf(users);
    }

    @Test
    void aCreateWhosePatchFailsNamesTheGroupCreated() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder(), 100);
        List<String> users = seedUsers(150);
        lucid.faults().add(FaultRule.respond(500).onlyFor("PATCH", "/Groups"));

        ScimMembershipIncompleteException failure = catchThrowableOfType(ScimMembershipIncompleteException.class,
                () -> memberships.create(ScimGroup.builder().displayName("Engineering").memberIds(users).build()));

        String id = lucid.groupByName("Engineering").orElseThrow().path("id").asText();
        assertThat(failure.getGroupId()).isEqualTo(id);
        assertThat(failure.getMembersApplied()).isEqualTo(100);
        assertThat(failure.getMemberIdsNotAdded()).containsExactlyElementsOf(users.subList(100, 150));
        assertThat(failure).hasMessageContaining("was created with 100 member(s)");
    }

    @Test
    void badInputFailsBeforeAnyRequest() {
        GroupMembershipPatches memberships = memberships(LucidScimSimulator.builder(), 100);

        assertThatThrownBy(() -> memberships.patch("lucid-group-1", List.of(), List.of("lucid-1", "lucid-2"),
                List.of("lucid-2"))).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("'lucid-2' is both to add and to remove");
        assertThatThrownBy(() -> memberships.patch("lucid-group-1", List.of(), List.of("a/b"), List.of()))
                .isInstanceOf(ScimValidationException.class).hasMessageContaining("'a/b'");
        assertThatThrownBy(() -> memberships.patch("lucid-group-1", null, List.of(), null))
                .isInstanceOf(ScimValidationException.class).hasMessageContaining("Nothing to change");
        assertThatThrownBy(() -> memberships.patch("../x", List.of(), List.of("lucid-1"), List.of()))
                .isInstanceOf(ScimValidationException.class);
        assertThatThrownBy(() -> memberships.create(ScimGroup.builder().displayName("x").memberIds(List.of("a/b"))
                .build())).isInstanceOf(ScimValidationException.class);
        assertThat(lucid.requests().all()).isEmpty();
    }

    @Test
    void membersPerPatchBelowOneIsRefused() {
        assertThatThrownBy(() -> new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(1), null, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("membersPerPatch must be 1 or "
                                                                                   + "more, not 0");
        assertThat(ScimClientOptions.DEFAULT.membersPerPatch()).isEqualTo(100);
    }

    private GroupMembershipPatches memberships(LucidScimSimulator.Builder settings, int membersPerPatch) {
        lucid = settings.build().start();
        ScimConnection connection = ScimConnection.create(ScimConnectionSettings.of(TenantUrl.of(lucid.baseUrl(),
                false), BearerToken.of(lucid.token())), 0);
        return new ScimClient(connection, new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(10), null,
                ScimClientOptions.DEFAULT_MAX_LISTING, membersPerPatch)).groupMemberships();
    }

    private List<String> seedUsers(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(lucid.seedUser("{\"userName\":\"user" + i + "@example.com\",\"emails\":[{\"value\":\"user" + i
                                   + "@example.com\"}]}"));
        }
        return ids;
    }

    private List<JsonNode> patchBodies() {
        return lucid.requests().matching(request -> request.method().equals("PATCH")).stream()
                .map(request -> tree(request.body())).toList();
    }

    private static JsonNode tree(String json) {
        try {
            return ScimJson.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per PATCH sent, refused ones included: the member values of its operations. */
    private List<Integer> memberValuesPerPatch() {
        return patchBodies().stream().map(body -> {
            int values = 0;
            for (JsonNode operation : body.path("Operations")) {
                if (operation.path("path").asText().equals("members")) {
                    values += operation.path("value").size();
                }
            }
            return values;
        }).toList();
    }

    private List<String> memberIds(String group) {
        return lucid.group(group).orElseThrow().path("members").findValuesAsText("value");
    }
}
