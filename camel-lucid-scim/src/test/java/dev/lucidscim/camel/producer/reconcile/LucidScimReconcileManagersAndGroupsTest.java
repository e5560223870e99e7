package dev.lucidscim.camel.producer.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.EnterpriseUser;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconcile of a whole HR roster against the simulator: managers set by id in the same write (managers created
 * first), and the roster's groups brought to exactly their members, with the exclude list, add-only on failures,
 * the dry run and the breaker.
 */
class LucidScimReconcileManagersAndGroupsTest extends SimulatedLucidTestSupport {

    private static final String RECONCILE = "lucid-scim:users?operation=reconcile&managedUsers=withExternalId"
                                            + "&pageSize=3&excludedGroups=All Users";
    private static final String MANAGER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private String ann;
    private String bob;
    private String cat;
    private String engineering;

    private static ScimUser person(String name) {
        return ScimUser.builder().userName(name + "@example.com").email(name + "@example.com")
                .externalId("E-" + name).name(name, "Example").active(true)
                .enterprise(EnterpriseUser.builder().department("Engineering").build()).build();
    }

    private static String mail(String name) {
        return name + "@example.com";
    }

    @BeforeEach
    void seedDirectory() {
        ann = lucid.seedUser(ScimJson.toJson(person("ann")));
        bob = lucid.seedUser(ScimJson.toJson(person("bob")));
        cat = lucid.seedUser(ScimJson.toJson(person("cat")));
        engineering = lucid.seedGroup(Map.of("displayName", "Engineering",
                "members", List.of(Map.of("value", ann), Map.of("value", bob))));
        lucid.seedGroup(Map.of("displayName", "All Users", "members", List.of(Map.of("value", cat))));
    }

    private Exchange reconcile(ReconcileRoster roster, String options) {
        String breaker = options.contains("maxDeactivationPercent") ? "" : "&maxDeactivationPercent=50";
        return template.request(RECONCILE + breaker + options, exchange -> exchange.getMessage().setBody(roster));
    }

    private static ReconcileReport report(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(ReconcileReport.class);
    }

    private static List<RecordedRequest> writes() {
        return lucid.requests().matching(request -> !request.method().equals("GET"));
    }

    private static String managerOf(String userName) {
        return lucid.userByUserName(userName).orElseThrow().path(MANAGER).path("manager").path("value").asText(null);
    }

    private static String idOf(String userName) {
        return lucid.userByUserName(userName).orElseThrow().path("id").asText();
    }

    private static List<String> memberNames(String groupName) {
        List<String> names = new ArrayList<>();
        lucid.groupByName(groupName).orElseThrow().path("members").forEach(member ->
                names.add(lucid.user(member.path("value").asText()).orElseThrow().path("userName").asText()));
        return names;
    }

    /** Ann is managed by Dan and Eve by Dan, both new; Dan by Bob; Bob keeps his. Engineering: ann, bob, dan. */
    private static ReconcileRoster hrRoster() {
        return ReconcileRoster.of(List.of(person("ann"), person("bob"), person("cat"), person("dan"), person("eve")))
                .withManagers(Map.of(mail("ann"), mail("dan"), mail("eve"), mail("dan"), mail("dan"), mail("bob"),
                        mail("bob"), mail("bob")))
                .withGroups(List.of(
                        new RosterGroup("Engineering", List.of(mail("ann"), mail("dan"), mail("cat"))),
                        new RosterGroup("Design", List.of(mail("eve"))),
                        new RosterGroup("All Users", List.of(mail("ann"), mail("bob")))));
    }

    @Test
    void managersAreSetInTheSameWriteAsTheRestWithManagersCreatedFirst() {
        ReconcileReport report = report(reconcile(hrRoster(), ""));

        assertThat(report.failures()).isEmpty();
        String dan = idOf(mail("dan"));
        assertThat(managerOf(mail("ann"))).isEqualTo(dan);
        assertThat(managerOf(mail("eve"))).isEqualTo(dan);
        assertThat(managerOf(mail("dan"))).isEqualTo(bob);
        assertThat(managerOf(mail("bob"))).as("one's own manager means none").isNull();
        // Eve's create carries her manager: no second request for it
        RecordedRequest eveCreate = lucid.requests().matching(request -> request.method().equals("POST")
                && request.body().contains(mail("eve"))).get(0);
        assertThat(eveCreate.body()).contains(dan);
        assertThat(lucid.requests().count("POST", "/Users")).isEqualTo(2);
        assertThat(lucid.requests().count("PATCH", "/Users")).as("ann's manager").isEqualTo(1);
    }

    @Test
    void groupsGetExactlyTheirMembersAndTheExcludedGroupIsLeftAlone() {
        ReconcileReport report = report(reconcile(hrRoster(), ""));

        assertThat(report.groupFailures()).isEmpty();
        assertThat(memberNames("Engineering")).containsExactlyInAnyOrder(mail("ann"), mail("dan"), mail("cat"));
        assertThat(memberNames("Design")).containsExactly(mail("eve"));
        assertThat(memberNames("All Users")).containsExactly(mail("cat"));
        assertThat(report.groupActionCounts()).containsEntry(GroupAction.CREATE, 1)
                .containsEntry(GroupAction.UPDATE, 1).containsEntry(GroupAction.EXCLUDED, 1);
        assertThat(report.groups()).filteredOn(group -> group.displayName().equals("Engineering")).singleElement()
                .satisfies(group -> {
                    assertThat(group.id()).isEqualTo(engineering);
                    assertThat(group.membersAdded()).containsExactlyInAnyOrder(mail("dan"), mail("cat"));
                    assertThat(group.membersRemoved()).containsExactly(mail("bob"));
                });
        // the physical minimum: listing pages of users and groups, then one request per write, and the endpoint's
        // one read of the ServiceProviderConfig (whether writes can carry If-Match)
        assertThat(lucid.requests().count("GET", "/ServiceProviderConfig")).isEqualTo(1);
        assertThat(lucid.requests().size()).isEqualTo(report.listingRequests() + report.plannedWrites()
                                                      + report.plannedGroupWrites() + 1);
        assertThat(lucid.requests().count("PATCH", "/Groups")).isEqualTo(1);
        assertThat(lucid.requests().count("POST", "/Groups")).isEqualTo(1);
        assertThat(report.toTable()).contains("Groups", "Engineering", "+2 -1");
    }

    @Test
    void aSecondRunWritesNothing() {
        report(reconcile(hrRoster(), ""));
        lucid.requests().clear();

        ReconcileReport second = report(reconcile(hrRoster(), ""));

        assertThat(writes()).isEmpty();
        assertThat(second.plannedWrites() + second.plannedGroupWrites()).isZero();
        assertThat(second.groupActionCounts()).containsEntry(GroupAction.UNCHANGED, 2);
    }

    @Test
    void aDryRunShowsPeopleManagersAndGroupsAndWritesNothing() {
        JsonNode before = ScimJson.toTree(lucid.users());

        ReconcileReport plan = report(reconcile(hrRoster(), "&dryRun=true"));

        assertThat(writes()).isEmpty();
        assertThat(ScimJson.toTree(lucid.users())).isEqualTo(before);
        assertThat(plan.items()).filteredOn(item -> item.userName().equals(mail("ann"))).singleElement()
                .satisfies(item -> {
                    assertThat(item.action()).isEqualTo(ReconcileAction.UPDATE);
                    assertThat(item.changedAttributes()).singleElement().asString().contains("manager");
                });
        assertThat(plan.groups()).extracting(GroupReconcileItem::displayName, GroupReconcileItem::action,
                GroupReconcileItem::result).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Engineering", GroupAction.UPDATE,
                                ReconcileItem.Result.PLANNED),
                        org.assertj.core.groups.Tuple.tuple("Design", GroupAction.CREATE,
                                ReconcileItem.Result.PLANNED),
                        org.assertj.core.groups.Tuple.tuple("All Users", GroupAction.EXCLUDED,
                                ReconcileItem.Result.NOTHING));
        assertThat(plan.groups().get(0).membersAdded()).containsExactlyInAnyOrder(mail("dan"), mail("cat"));
    }

    @Test
    void whenSomeoneOfAGroupFailsItsMembersAreOnlyAddedAndThoseWaitingForAFailedManagerSayWhy() {
        lucid.reserveForOtherAccount(mail("dan"));

        ReconcileReport report = report(reconcile(hrRoster(), ""));

        // ann's only change was her manager, whose create failed
        assertThat(report.failures()).extracting(ReconcileItem::userName).containsExactlyInAnyOrder(mail("dan"),
                mail("ann"));
        assertThat(memberNames("Engineering")).as("bob is not removed").containsExactlyInAnyOrder(mail("ann"),
                mail("bob"), mail("cat"));
        assertThat(report.groups().get(0).addOnly()).isTrue();
        assertThat(lucid.userByUserName(mail("eve"))).as("created without her manager").isPresent();
        assertThat(managerOf(mail("eve"))).isNull();
        assertThat(report.items()).filteredOn(item -> item.userName().equals(mail("eve"))).singleElement()
                .satisfies(item -> assertThat(item.note()).contains("manager not set", mail("dan")));
        assertThat(report.items()).filteredOn(item -> item.userName().equals(mail("ann"))).singleElement()
                .satisfies(item -> assertThat(item.error()).contains("only the manager was to change"));
    }

    @Test
    void newPeopleWhoManageEachOtherAreCreatedAndReported() {
        ReconcileRoster roster = ReconcileRoster.of(List.of(person("ann"), person("bob"), person("cat"),
                person("fay"), person("gus"))).withManagers(Map.of(mail("fay"), mail("gus"), mail("gus"), mail("fay")));

        ReconcileReport report = report(reconcile(roster, ""));

        assertThat(report.failures()).isEmpty();
        assertThat(report.items()).filteredOn(item -> item.action() == ReconcileAction.CREATE)
                .hasSize(2).allSatisfy(item -> assertThat(item.note()).contains("manage each other"));
    }

    @Test
    void removingTooManyMembersTripsTheBreakerAndNothingIsWritten() {
        List<ScimUser> people = new ArrayList<>(List.of(person("ann"), person("bob"), person("cat")));
        List<Map<String, String>> members = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> {
            ScimUser user = person("p" + i);
            people.add(user);
            members.add(Map.of("value", lucid.seedUser(ScimJson.toJson(user))));
        });
        lucid.seedGroup(Map.of("displayName", "Sales", "members", members));
        lucid.requests().clear();
        ReconcileRoster roster = ReconcileRoster.of(people).withGroups(List.of(new RosterGroup("Sales",
                List.of(mail("p0"), mail("p1"), mail("p2")))));

        Exchange exchange = reconcile(roster, "&maxDeactivationPercent=20");

        assertThat(exchange.getException()).isInstanceOf(ReconcileThresholdExceededException.class)
                .hasMessageContaining("remove 7 of the 10 members of the roster's groups (70.0%) who keep their account");
        assertThat(writes()).isEmpty();
        assertThat(((ReconcileThresholdExceededException) exchange.getException()).getPlan().groups()).hasSize(1);
    }

    @Test
    void leaversLeavingTheirGroupsAreHeldByTheDeactivationThresholdNotByTheGroupOne() {
        List<ScimUser> people = new ArrayList<>(List.of(person("ann"), person("bob"), person("cat")));
        List<Map<String, String>> members = new ArrayList<>();
        List<String> stay = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> {
            ScimUser user = person("p" + i);
            members.add(Map.of("value", lucid.seedUser(ScimJson.toJson(user))));
            if (i < 6) {
                people.add(user);
                stay.add(user.userName());
            } else {
                people.add(user.toBuilder().active(false).build()); // four leavers: 4 of 13 managed users
            }
        });
        lucid.seedGroup(Map.of("displayName", "Sales", "members", members));
        ReconcileRoster roster = ReconcileRoster.of(people).withGroups(List.of(new RosterGroup("Sales", stay)));

        ReconcileReport report = report(reconcile(roster, "&maxDeactivationPercent=35"));

        assertThat(report.count(ReconcileAction.DEACTIVATE)).isEqualTo(4);
        assertThat(memberNames("Sales")).hasSize(6);
    }

    @Test
    void theRosterAsJsonWithManagersAndGroupsWorksLikeTheTypedOne() {
        String json = ScimJson.toJson(hrRoster());

        ReconcileReport report = report(template.request(RECONCILE + "&maxDeactivationPercent=50",
                exchange -> exchange.getMessage().setBody(json)));

        assertThat(report.groupActionCounts()).containsEntry(GroupAction.CREATE, 1);
        assertThat(managerOf(mail("eve"))).isEqualTo(idOf(mail("dan")));
    }

    @Test
    void managersAndMembersOutsideTheRosterAreRefusedBeforeAnyRequest() {
        ReconcileRoster roster = ReconcileRoster.of(List.of(person("ann"), person("bob"), person("cat")))
                .withManagers(Map.of(mail("zed"), mail("ann")))
                .withGroups(List.of(new RosterGroup("Engineering", List.of(mail("nobody"))),
                        new RosterGroup(" ", List.of())));

        Exchange exchange = reconcile(roster, "");

        assertThat(exchange.getException()).isInstanceOf(ScimValidationException.class)
                .hasMessageContaining("managers: 'zed@example.com' is not a userName of the roster")
                .hasMessageContaining("'Engineering' holds 'nobody@example.com'")
                .hasMessageContaining("a group without a displayName");
        assertThat(lucid.requests().size()).isZero();
    }
}
