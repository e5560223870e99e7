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
    private GroupMembershipPatches memberships;
    /** Users of the simulator, in creation order. */
    private List<String> users;
    /** An empty group named "Existing". */
    private String group;

    @AfterEach
    void stopLucid() {
        if (lucid != null) {
            lucid.stop();
        }
    }

    @Test
    void membersGoInChunksOfMembersPerPatchInTheOrderGiven() {
        start(LucidScimSimulator.builder(), 250);

        ScimGroup result = memberships.patch(group, List.of(), users, List.of()).resource();

        assertThat(memberValuesPerPatch()).containsExactly(100, 100, 50);
        assertThat(result.members()).extracting("value").containsExactlyElementsOf(users);
    }

    @Test
    void attributesGoInTheFirstPatchAndAddsBeforeRemoves() {
        start(LucidScimSimulator.builder(), 130);
        List<String> leaving = users.subList(0, 60);
        List<String> joining = users.subList(60, 130);
        memberships.patch(group, List.of(), leaving, List.of());
        lucid.requests().clear();

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
        start(LucidScimSimulator.builder().maxMembersPerRequest(30), 200);

        memberships.patch(group, List.of(), users, List.of());

        // 100 and 50 refused, then 25 at a time: ceil(200 / 25) = 8 applied + 2 refused
        assertThat(memberValuesPerPatch()).containsExactly(100, 50, 25, 25, 25, 25, 25, 25, 25, 25);
        assertThat(lucid.requests().countWithStatus(413)).isEqualTo(2);
        assertThat(memberIds(group)).containsExactlyElementsOf(users);
    }

    @Test
    void aChunkRefusedWith400TooManyIsSplitToo() {
        start(LucidScimSimulator.builder().maxMembersPerRequest(40, 400), 120);

        memberships.patch(group, List.of(), users, List.of());

        assertThat(memberValuesPerPatch()).containsExactly(100, 50, 25, 25, 25, 25, 20);
        assertThat(lucid.requests().countWithStatus(400)).isEqualTo(2);
        assertThat(memberIds(group)).containsExactlyElementsOf(users);
    }

    @Test
    void aSingleMemberStillRefusedAsTooLargeFailsTyped() {
        start(LucidScimSimulator.builder(), 3);

        ScimMembershipIncompleteException failure = addingEveryoneFailsWith(FaultRule.respond(413)
                .onlyFor("PATCH", "/Groups"));

        assertThat(memberValuesPerPatch()).containsExactly(3, 2, 1);
        assertThat(failure.getStatus()).isEqualTo(413);
        assertThat(failure.getCause()).isInstanceOf(ScimRequestRejectedException.class);
        assertThat(failure.getMembersApplied()).isZero();
        assertThat(failure.getMemberIdsNotAdded()).containsExactlyElementsOf(users);
        assertThat(failure).hasMessageContaining("refused a PATCH of a single member as too large");
    }

    @Test
    void aFailureAfterAppliedChunksSaysHowManyWereAppliedAndWhichAreLeft() {
        start(LucidScimSimulator.builder(), 450);

        ScimMembershipIncompleteException failure = addingEveryoneFailsWith(FaultRule.respond(500)
                .onlyFor("PATCH", "/Groups").every(3));

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
        start(LucidScimSimulator.builder(), 250);

        ScimMembershipIncompleteException failure = addingEveryoneFailsWith(FaultRule.dropConnection()
                .onlyFor("PATCH", "/Groups").every(2));

        assertThat(failure.getCause()).isInstanceOf(ScimTransportException.class);
        assertThat(failure.getMembersApplied()).isEqualTo(100);
        assertThat(failure).hasMessageContaining("(the 100 of the failed PATCH may have been)");
    }

    @Test
    void aFailureOfTheFirstPatchIsThrownAsItCame() {
        start(LucidScimSimulator.builder(), 150);
        lucid.faults().add(FaultRule.respond(500).onlyFor("PATCH", "/Groups").next(1));

        assertThatThrownBy(() -> memberships.patch(group, List.of(), users, List.of()))
                .isExactlyInstanceOf(ScimServerException.class);
        assertThat(memberIds(group)).isEmpty();
    }

    @Test
    void aCreatePostsMembersPerPatchMembersAndPatchesTheRest() {
        start(LucidScimSimulator.builder(), 250);

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
        start(LucidScimSimulator.builder().maxMembersPerRequest(30), 100);

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
        start(LucidScimSimulator.builder(), 150);
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
        start(LucidScimSimulator.builder(), 0);

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
        assertThatThrownBy(() -> new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(1), null, 10, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("membersPerPatch must be 1 or "
                                                                                   + "more, not 0");
        assertThat(ScimClientOptions.DEFAULT.membersPerPatch()).isEqualTo(100);
    }

    /** A simulator with these settings, {@code userCount} users and an empty group; 100 members per PATCH. */
    private void start(LucidScimSimulator.Builder settings, int userCount) {
        lucid = settings.build().start();
        ScimConnection connection = ScimConnection.create(ScimConnectionSettings.of(TenantUrl.of(lucid.baseUrl(),
                false), BearerToken.of(lucid.token())), RequestRate.NONE);
        memberships = new ScimClient(connection, new ScimClientOptions(RetryPolicy.NONE, Duration.ofSeconds(10), null,
                ScimClientOptions.DEFAULT_MAX_LISTING, 1, 100)).groupMemberships();
        users = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            users.add(lucid.seedUser("{\"userName\":\"user" + i + "@example.com\",\"emails\":[{\"value\":\"user" + i
                                     + "@example.com\"}]}"));
        }
        group = lucid.seedGroup("{\"displayName\":\"Existing\"}");
    }

    /** Adding every user to the group, with this fault rule in force: the failure. */
    private ScimMembershipIncompleteException addingEveryoneFailsWith(FaultRule fault) {
        lucid.faults().add(fault);
        return catchThrowableOfType(ScimMembershipIncompleteException.class,
                () -> memberships.patch(group, List.of(), users, List.of()));
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
