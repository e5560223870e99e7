package dev.lucidscim.camel.producer;

import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.LogCapture;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimEndpoint;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.camel.producer.reconcile.ReconcileAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.camel.state.IgnoredAttributes;
import dev.lucidscim.model.LucidLicensing;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account that licenses through org groups (the simulator's mode): licence writes succeed and change nothing.
 * Upsert and reconcile find that out from the answer of their first write, say so, and write the licences no more.
 */
class IgnoredAttributesRouteTest extends SimulatedLucidTestSupport {

    static final String LUCIDCHART = ScimSchemas.LUCID_USER_V2 + ":productLicenses.Lucidchart";
    private static final String STATE = "&stateRepository=#state&stateKey=tenant";
    private static final String RECONCILE = "lucid-scim:users?operation=reconcile&maxDeactivationPercent=100";

    @BindToRegistry("state")
    private final MemoryStateRepository state = new MemoryStateRepository();

    @BeforeAll
    static void startLucid() {
        startLucid(LucidScimSimulator.builder().orgGroupLicensing());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // an HR feed: one upsert per person, each result collected
                from("direct:feed").split(body()).to("lucid-scim:users?operation=upsert").to("mock:upserted");
                from("direct:stateful").split(body()).to("lucid-scim:users?operation=upsert" + STATE)
                        .to("mock:upserted");
                from("direct:reconcile").to(RECONCILE).to("mock:reconciled");
            }
        };
    }

    static ScimUser licensed(String name, String title) {
        return ScimUser.builder().userName(name + "@example.com").email(name + "@example.com").name(name, "Example")
                .title(title).active(true).lucidV2(LucidLicensing.of(Map.of("Lucidchart", true))).build();
    }

    private String seed(String name) {
        return lucid.seedUser(ScimJson.toJson(licensed(name, "Engineer").toBuilder().lucidV2(null).build()));
    }

    private List<Exchange> feed(String route, ScimUser... people) {
        MockEndpoint upserted = getMockEndpoint("mock:upserted");
        upserted.reset();
        template.sendBody(route, List.of(people));
        return List.copyOf(upserted.getReceivedExchanges());
    }

    private static Object header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name);
    }

    private long userWrites() {
        return lucid.requests().count("PATCH", "/Users") + lucid.requests().count("POST", "/Users");
    }

    @Test
    void aSecondUpsertWritesNothingAndBothSayWhichAttributeIsIgnored() throws Exception {
        seed("jane");
        List<Exchange> first;
        List<Exchange> second;
        try (LogCapture log = new LogCapture(Level.WARN, AttributeConvergence.class.getName())) {
            first = feed("direct:feed", licensed("jane", "Engineer"));
            assertThat(userWrites()).as("the licence written once").isEqualTo(1);
            lucid.requests().clear();
            second = feed("direct:feed", licensed("jane", "Engineer"));

            assertThat(log.text().lines().filter(line -> line.contains("kept its own value"))).singleElement()
                    .asString().contains(LUCIDCHART, AttributeConvergence.LICENCES_REASON).doesNotContain("true");
        }

        assertThat(userWrites()).as("the second run writes nothing").isZero();
        assertThat(lucid.requests().size()).as("only the search").isEqualTo(1);
        assertThat(header(first.get(0), LucidScimConstants.OUTCOME)).as("nothing kept changed").isEqualTo("unchanged");
        assertThat(header(first.get(0), LucidScimConstants.CHANGED_ATTRIBUTES)).isEqualTo(List.of());
        assertThat(header(first.get(0), LucidScimConstants.IGNORED_ATTRIBUTES)).isEqualTo(List.of(LUCIDCHART));
        assertThat(header(first.get(0), LucidScimConstants.STATUS_CODE)).as("the PATCH went").isEqualTo(200);
        assertThat(header(second.get(0), LucidScimConstants.OUTCOME)).isEqualTo("unchanged");
        assertThat(header(second.get(0), LucidScimConstants.IGNORED_ATTRIBUTES)).as("left out")
                .isEqualTo(List.of(LUCIDCHART));
    }

    @Test
    void anUpdateOfOtherAttributesStillChangesThemAndIsAnUpdate() {
        seed("jane");
        feed("direct:feed", licensed("jane", "Engineer"));

        Exchange moved = feed("direct:feed", licensed("jane", "Manager")).get(0);

        assertThat(header(moved, LucidScimConstants.OUTCOME)).isEqualTo("updated");
        assertThat(header(moved, LucidScimConstants.CHANGED_ATTRIBUTES)).isEqualTo(List.of("title"));
        assertThat(header(moved, LucidScimConstants.IGNORED_ATTRIBUTES)).isEqualTo(List.of(LUCIDCHART));
        assertThat(lucid.requests().matching(request -> request.method().equals("PATCH")).get(1).body())
                .as("the licence left out of the write").doesNotContain("productLicenses").contains("Manager");
        assertThat(lucid.userByUserName("jane@example.com").orElseThrow().path("title").asText())
                .isEqualTo("Manager");
    }

    @Test
    void aCreateFindsTheIgnoredLicenceAndTheNextUpsertWritesNothing() {
        Exchange created = feed("direct:feed", licensed("joe", "Engineer")).get(0);
        lucid.requests().clear();
        Exchange again = feed("direct:feed", licensed("joe", "Engineer")).get(0);

        assertThat(header(created, LucidScimConstants.OUTCOME)).isEqualTo("created");
        assertThat(header(created, LucidScimConstants.IGNORED_ATTRIBUTES)).isEqualTo(List.of(LUCIDCHART));
        assertThat(userWrites()).isZero();
        assertThat(header(again, LucidScimConstants.OUTCOME)).isEqualTo("unchanged");
    }

    @Test
    void aSecondReconcileWritesNoUserAndTheReportNamesTheIgnoredAttribute() {
        seed("jane");
        seed("bob");
        List<ScimUser> roster = List.of(licensed("jane", "Engineer"), licensed("bob", "Manager"),
                licensed("joe", "Engineer"));

        ReconcileReport first;
        try (LogCapture log = new LogCapture(Level.WARN, AttributeConvergence.class.getName())) {
            first = template.requestBody("direct:reconcile", roster, ReconcileReport.class);

            assertThat(log.text().lines().filter(line -> line.contains("kept its own value")))
                    .as("one line, although three writes found it").hasSize(1);
        }
        lucid.requests().clear();
        ReconcileReport second = template.requestBody("direct:reconcile", roster, ReconcileReport.class);

        assertThat(first.items()).extracting(ReconcileItem::userName, ReconcileItem::action,
                        ReconcileItem::changedAttributes)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("jane@example.com", ReconcileAction.UNCHANGED, List.of()),
                        org.assertj.core.groups.Tuple.tuple("bob@example.com", ReconcileAction.UPDATE,
                                List.of("title")),
                        org.assertj.core.groups.Tuple.tuple("joe@example.com", ReconcileAction.CREATE, List.of()));
        assertThat(first.failures()).isEmpty();
        assertThat(first.items()).filteredOn(item -> item.action() != ReconcileAction.UPDATE)
                .extracting(ReconcileItem::ignoredAttributes).as("found by the update of Jane and the create of Joe")
                .containsOnly(List.of(LUCIDCHART));
        assertThat(first.ignoredAttributes()).extracting(IgnoredAttribute::path, IgnoredAttribute::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LUCIDCHART,
                        AttributeConvergence.LICENCES_REASON));
        assertThat(first.toTable()).contains("Ignored attributes", LUCIDCHART);
        assertThat(userWrites()).as("no user write on the second run").isZero();
        assertThat(second.count(ReconcileAction.UNCHANGED)).isEqualTo(3);
        assertThat(second.ignoredAttributes()).extracting(IgnoredAttribute::path).containsExactly(LUCIDCHART);
    }

    @Test
    void upsertAndReconcileOfOneEndpointLeaveOutTheSameAttributes() {
        seed("jane");
        feed("direct:stateful", licensed("jane", "Engineer"));
        lucid.requests().clear();

        ReconcileReport report = template.requestBody("lucid-scim:users?operation=reconcile" + STATE,
                List.of(licensed("jane", "Engineer")), ReconcileReport.class);

        assertThat(userWrites()).isZero();
        assertThat(report.ignoredAttributes()).extracting(IgnoredAttribute::path).containsExactly(LUCIDCHART);
        String key = context.getEndpoint("lucid-scim:users?operation=upsert" + STATE, LucidScimEndpoint.class)
                .stateNamespace() + IgnoredAttributes.KEY_SUFFIX;
        assertThat(key).isEqualTo("tenant/ignoredAttributes");
        assertThat(state.getState(key)).as("the documented key").endsWith(" " + LUCIDCHART);
    }

    @Test
    void removingTheStateKeyWritesTheAttributeAgain() {
        seed("jane");
        feed("direct:stateful", licensed("jane", "Engineer"));
        state.setState("tenant" + IgnoredAttributes.KEY_SUFFIX, "");
        lucid.requests().clear();

        Exchange retried = feed("direct:stateful", licensed("jane", "Engineer")).get(0);

        assertThat(lucid.requests().count("PATCH", "/Users")).isEqualTo(1);
        assertThat(header(retried, LucidScimConstants.IGNORED_ATTRIBUTES)).as("found again")
                .isEqualTo(List.of(LUCIDCHART));
    }
}
