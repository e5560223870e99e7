package dev.lucidscim.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lucidscim.error.ScimMembershipIncompleteException;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Large groups through routes, into a simulator that takes at most 300 member values per request (413 past it):
 * upsert of a 10,000-member group, addMembers and removeMembers with thousands of ids, and a failure part way.
 * The 10,000 users are seeded once for the class; each test works on a group of its own.
 */
class LucidScimLargeGroupsTest extends SimulatedLucidTestSupport {

    private static final int USERS = 10_000;
    private static final int SIMULATOR_LIMIT = 300;

    private static List<String> users;

    @BeforeAll
    static void startLucid() {
        startLucid(LucidScimSimulator.builder().maxMembersPerRequest(SIMULATOR_LIMIT));
        users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(lucid.seedUser("{\"userName\":\"person" + i + "@example.com\",\"emails\":[{\"value\":\"person"
                                     + i + "@example.com\"}]}"));
        }
    }

    /** The 10,000 users stay; only the faults and the requests of the test before go. */
    @BeforeEach
    @Override
    protected void emptyLucid() {
        lucid.faults().clear();
        lucid.requests().clear();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:department").to("lucid-scim:groups?operation=upsert&membersPerPatch=500");
                from("direct:join").to("lucid-scim:groups?operation=addMembers");
                from("direct:leave").to("lucid-scim:groups?operation=removeMembers");
                from("direct:join-once").to("lucid-scim:groups?operation=addMembers&maxRetries=0");
                from("direct:new-group").to("lucid-scim:groups?operation=create");
            }
        };
    }

    @Test
    void upsertOfATenThousandMemberGroupEndsWithExactlyItsMembers() {
        Exchange created = upsert("Everyone", users);

        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("created");
        String id = created.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class);
        assertThat(memberIds(id)).containsExactlyElementsOf(users);
        // The POST of 500 is refused (413) and sent again with 250; the other 9,750 go in PATCHes of 250:
        // ceil(10,000 / 250) = 40 writes applied, 1 refused.
        assertThat(writes()).extracting(RecordedRequest::status).containsOnly(413, 201, 200).hasSize(41);
        assertThat(lucid.requests().countWithStatus(413)).isOne();
        assertThat(lucid.requests().count("POST", "/Groups")).isEqualTo(2);

        lucid.requests().clear();
        Exchange thinned = upsert("Everyone", users.subList(0, 7_000));

        assertThat(thinned.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("updated");
        assertThat(thinned.getMessage().getHeader(LucidScimConstants.CHANGED_ATTRIBUTES, List.class))
                .containsExactly("members");
        assertThat(memberIds(id)).containsExactlyElementsOf(users.subList(0, 7_000));
        // 3,000 removes: 500 refused, then ceil(3,000 / 250) = 12 PATCHes
        assertThat(writes()).hasSize(13);

        lucid.requests().clear();
        Exchange again = upsert("Everyone", users.subList(0, 7_000));

        assertThat(again.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("unchanged");
        assertThat(writes()).isEmpty();
    }

    @Test
    void addMembersAndRemoveMembersTakeThousandsOfIds() {
        String id = lucid.seedGroup("{\"displayName\":\"Sales\"}");

        Exchange added = template.request("direct:join", exchange -> {
            exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, id);
            exchange.getMessage().setHeader(LucidScimConstants.MEMBER_IDS, users.subList(0, 5_000));
        });
        Exchange removed = template.request("direct:leave", exchange -> {
            exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, id);
            exchange.getMessage().setHeader(LucidScimConstants.MEMBER_IDS, users.subList(1_000, 3_000));
        });

        assertThat(added.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("membersAdded");
        assertThat(removed.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("membersRemoved");
        assertThat(removed.getMessage().getHeader(LucidScimConstants.RESOURCE_ID)).isEqualTo(id);
        List<String> expected = new ArrayList<>(users.subList(0, 1_000));
        expected.addAll(users.subList(3_000, 5_000));
        assertThat(memberIds(id)).containsExactlyElementsOf(expected);
        // 100 per PATCH by default, below the simulator's limit: 50 adds and 20 removes, none refused
        assertThat(writes()).hasSize(70).allSatisfy(request -> assertThat(request.status()).isEqualTo(200));
    }

    @Test
    void aFailurePartWaySaysWhatWasAppliedAndAnUpsertFinishesTheJob() {
        String id = lucid.seedGroup("{\"displayName\":\"Support\"}");
        lucid.faults().add(FaultRule.respond(503).onlyFor("PATCH", "/Groups").every(3));

        Exchange failed = template.request("direct:join-once", exchange -> {
            exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, id);
            exchange.getMessage().setHeader(LucidScimConstants.MEMBER_IDS, users.subList(0, 1_000));
        });

        assertThat(failed.getException()).isInstanceOf(ScimMembershipIncompleteException.class)
                .hasMessageContaining("200 of 1000 member change(s) by PATCH were applied")
                .hasMessageContaining("800 to add and 0 to remove were not applied")
                .hasMessageContaining("upsert the group again")
                .hasMessageContaining("HTTP 503");
        assertThat(memberIds(id)).containsExactlyElementsOf(users.subList(0, 200));

        lucid.faults().clear();
        Exchange finished = upsert("Support", users.subList(0, 1_000));

        assertThat(finished.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("updated");
        assertThat(memberIds(id)).containsExactlyElementsOf(users.subList(0, 1_000));
    }

    @Test
    void createPostsAtMostMembersPerPatchMembers() {
        Exchange created = template.request("direct:new-group", exchange -> exchange.getMessage().setBody(
                ScimGroup.builder().displayName("Marketing").memberIds(users.subList(0, 1_000)).build()));

        assertThat(created.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("created");
        assertThat(created.getMessage().getHeader(LucidScimConstants.STATUS_CODE)).isEqualTo(201);
        assertThat(created.getMessage().getBody(ScimGroup.class).members()).hasSize(1_000);
        assertThat(writes()).extracting(RecordedRequest::method).containsExactly("POST", "PATCH", "PATCH", "PATCH",
                "PATCH", "PATCH", "PATCH", "PATCH", "PATCH", "PATCH");
    }

    @Test
    void aCreateWhoseAnswerIsLostIsLookedUpNotSentTwice() {
        lucid.faults().add(FaultRule.dropAfterCommit().onlyFor("POST", "/Groups").next(1));

        Exchange created = template.request("direct:new-group", exchange -> exchange.getMessage().setBody(
                ScimGroup.builder().displayName("Legal").memberIds(users.subList(0, 250)).build()));

        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("created");
        assertThat(lucid.groups()).filteredOn(group -> group.path("displayName").asText().equals("Legal")).hasSize(1);
        assertThat(memberIds(created.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class)))
                .containsExactlyElementsOf(users.subList(0, 250));
        assertThat(writes()).extracting(RecordedRequest::method).containsExactly("POST", "PATCH", "PATCH");
    }

    @Test
    void membersPerPatchBelowOneIsRefusedAtStart() {
        assertThatThrownBy(() -> template.request("lucid-scim:groups?operation=addMembers&membersPerPatch=0",
                exchange -> exchange.getMessage().setHeader(LucidScimConstants.MEMBER_IDS, "lucid-1001")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasRootCauseMessage("membersPerPatch must be 1 or more, not 0: it is the most member values one "
                                     + "PATCH of a group carries");
        assertThat(lucid.requests().all()).isEmpty();
    }

    private Exchange upsert(String name, List<String> members) {
        return template.request("direct:department", exchange -> exchange.getMessage().setBody(Map.of(
                "displayName", name, "members", members.stream().map(member -> Map.of("value", member)).toList())));
    }

    /** The requests that write groups, in order. */
    private static List<RecordedRequest> writes() {
        return lucid.requests().matching(request -> request.path().startsWith("/Groups")
                                                    && !request.method().equals("GET"));
    }

    private static List<String> memberIds(String groupId) {
        return lucid.group(groupId).orElseThrow().path("members").findValuesAsText("value");
    }
}
