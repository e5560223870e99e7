package dev.lucidscim.camel.producer;

import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimEndpoint;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.camel.producer.reconcile.ReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.camel.state.DeactivatedUsers;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rehire in the upsert mode: Lucid hides the deactivated account from the search, and upsert finds it through the
 * tombstones it shares with the consumer and reconcile (one {@code stateRepository}), or says what to do when the
 * component never saw the deactivation.
 */
class LucidScimRehireTest extends SimulatedLucidTestSupport {

    private static final String STATE = "&stateRepository=#state";
    private static final String UPSERT = "lucid-scim:users?operation=upsert";
    private static final String DEACTIVATE = "lucid-scim:users?operation=deactivate";
    private static final String RECONCILE = "lucid-scim:users?operation=reconcile&maxDeactivationPercent=100";
    @BindToRegistry("state")
    private final MemoryStateRepository state = new MemoryStateRepository();
    private String jane;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lucid-scim:users?startScheduler=false&resolveRemoved=true" + STATE).routeId("feed")
                        .to("mock:feed");
                // a second producer of the upsert endpoint without state, started before the template's
                from("direct:hr").to(UPSERT);
            }
        };
    }

    private static ScimUser person(String name, String title) {
        return ScimUser.builder().userName(name + "@example.com").email(name + "@example.com")
                .externalId("E-" + name).name(name, "Example").title(title).active(true).build();
    }

    @BeforeEach
    void seedJane() {
        jane = lucid.seedUser(ScimJson.toJson(person("jane", "Engineer")));
        lucid.seedUser(ScimJson.toJson(person("bob", "Engineer")));
    }

    private Exchange send(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    private Exchange sendOk(String uri, Object body) {
        Exchange exchange = send(uri, body);
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    private void deactivateJaneById(String options) {
        Exchange exchange = template.request(DEACTIVATE + options, e -> e.getMessage()
                .setHeader(LucidScimConstants.RESOURCE_ID, jane));
        assertThat(exchange.getException()).isNull();
        assertThat(janeIsActive()).isFalse();
    }

    private boolean janeIsActive() {
        return lucid.user(jane).orElseThrow().path("active").asBoolean();
    }

    private void poll() {
        ((LucidScimConsumer) context.getRoute("feed").getConsumer()).run();
    }

    private List<String> rememberedJanes() {
        DeactivatedUsers tombstones = new DeactivatedUsers(state,
                context.getEndpoint(UPSERT + STATE, LucidScimEndpoint.class).stateNamespace());
        return tombstones.idsOf(LucidScimMatchAttribute.USER_NAME, "jane@example.com");
    }

    /**
     * The upsert of Jane as a rehire, from a feed that leaves active unset: reactivated with one GET by id and one
     * PATCH after the search, no POST.
     */
    private Exchange assertRehireReactivatesJane() {
        lucid.requests().clear();

        Exchange rehired = sendOk(UPSERT + STATE, person("jane", "Staff Engineer").toBuilder().active(null).build());

        assertThat(rehired.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("reactivated");
        assertThat(rehired.getMessage().getHeader(LucidScimConstants.RESOURCE_ID)).isEqualTo(jane);
        assertThat(rehired.getMessage().getHeader(LucidScimConstants.CHANGED_ATTRIBUTES, List.class))
                .containsExactlyInAnyOrder("active", "title");
        assertThat(janeIsActive()).isTrue();
        assertThat(lucid.user(jane).orElseThrow().path("title").asText()).isEqualTo("Staff Engineer");
        assertThat(lucid.requests().count("GET", "/Users/" + jane)).isEqualTo(1);
        assertThat(lucid.requests().count("PATCH", "/Users/" + jane)).isEqualTo(1);
        assertThat(lucid.requests().count("POST", "/Users")).isZero();
        assertThat(lucid.requests().size()).as("search, GET by id, PATCH").isEqualTo(3);
        assertThat(lucid.userCount()).isEqualTo(2);
        return rehired;
    }

    @Test
    void aUserTheRouteDeactivatedIsReactivatedByTheNextUpsert() {
        deactivateJaneById(STATE);
        assertThat(rememberedJanes()).containsExactly(jane);

        assertRehireReactivatesJane();

        assertThat(rememberedJanes()).as("the tombstone is forgotten").isEmpty();
    }

    @Test
    void anUpsertOfALeaverRemembersHerForTheRehire() {
        Exchange left = sendOk(UPSERT + STATE, person("jane", "Engineer").toBuilder().active(false).build());
        assertThat(left.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("deactivated");
        assertThat(janeIsActive()).isFalse();

        assertRehireReactivatesJane();
    }

    @Test
    void aDeactivationTheConsumerSawIsReactivatedByAnUpsertSharingItsState() {
        poll();
        deactivateJaneById("");
        poll();
        assertThat(getMockEndpoint("mock:feed").getExchanges()).last().satisfies(change -> assertThat(
                change.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE)).isEqualTo("deactivated"));
        assertThat(rememberedJanes()).containsExactly(jane);

        assertRehireReactivatesJane();

        poll();
        assertThat(getMockEndpoint("mock:feed").getExchanges()).last().satisfies(change -> assertThat(
                change.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE)).isEqualTo("reactivated"));
    }

    @Test
    void aUserReconcileDeactivatedIsReactivatedByUpsert() {
        ReconcileReport report = sendOk(RECONCILE + STATE, List.of(person("bob", "Engineer")))
                .getMessage().getBody(ReconcileReport.class);
        assertThat(report.failures()).isEmpty();
        assertThat(janeIsActive()).isFalse();

        assertRehireReactivatesJane();
    }

    @Test
    void aUserUpsertDeactivatedIsReactivatedByReconcile() {
        deactivateJaneById(STATE);
        lucid.requests().clear();

        ReconcileReport report = sendOk(RECONCILE + STATE, List.of(person("bob", "Engineer"),
                person("jane", "Engineer"))).getMessage().getBody(ReconcileReport.class);

        assertThat(report.items()).filteredOn(item -> item.userName().equals("jane@example.com")).singleElement()
                .satisfies(item -> assertThat(item.action() + "/" + item.result()).isEqualTo("REACTIVATE/APPLIED"))
                .extracting(ReconcileItem::id).isEqualTo(jane);
        assertThat(janeIsActive()).isTrue();
        assertThat(lucid.requests().count("POST", "/Users")).isZero();
    }

    @Test
    void aRememberedUserDeletedMeanwhileIsForgottenAndCreated() {
        deactivateJaneById(STATE);
        sendOk("lucid-scim:users?operation=delete&allowHardDelete=true", ScimUser.builder().id(jane).build());
        lucid.requests().clear();

        Exchange rehired = sendOk(UPSERT + STATE, person("jane", "Engineer"));

        assertThat(rehired.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("created");
        assertThat(lucid.requests().count("GET", "/Users/" + jane)).isEqualTo(1);
        assertThat(lucid.requests().count("POST", "/Users")).isEqualTo(1);
        assertThat(lucid.userByUserName("jane@example.com")).hasValueSatisfying(created ->
                assertThat(created.path("active").asBoolean()).isTrue());
        assertThat(rememberedJanes()).isEmpty();
    }

    @Test
    void aRememberedUserActiveAgainUnderAnotherNameIsForgottenAndThePersonCreated() {
        deactivateJaneById(STATE);
        Exchange renamed = template.request("lucid-scim:users?operation=patch", e -> {
            e.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, jane);
            e.getMessage().setBody(PatchRequest.of(PatchOperation.replace("userName", "janet@example.com"),
                    PatchOperation.replace("emails", List.of(Map.of("value", "janet@example.com"))),
                    PatchOperation.replace("active", true)));
        });
        assertThat(renamed.getException()).isNull();
        lucid.requests().clear();

        Exchange rehired = sendOk(UPSERT + STATE, person("jane", "Engineer"));

        assertThat(rehired.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("created");
        assertThat(lucid.user(jane).orElseThrow().path("userName").asText()).isEqualTo("janet@example.com");
        assertThat(lucid.requests().count("PATCH", "/Users")).isZero();
        assertThat(rememberedJanes()).isEmpty();
    }

    @Test
    void withoutAStateRepositoryARehireEndsInAConflictThatSaysWhatTheAdminCanDo() {
        // deactivated through the very endpoint that upserts: without a configured repository it remembers nothing
        Exchange left = template.request(UPSERT, e -> {
            e.getMessage().setHeader(LucidScimConstants.OPERATION, "deactivate");
            e.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, jane);
        });
        assertThat(left.getException()).isNull();
        assertThat(janeIsActive()).isFalse();
        lucid.requests().clear();

        Exchange rehired = send(UPSERT, person("jane", "Engineer"));

        assertDeactivatedOutOfSight(rehired);
        assertThat(lucid.requests().count("GET", "/Users/")).as("no GET by id").isZero();
        assertThat(lucid.requests().size()).as("the search and the POST").isEqualTo(2);
    }

    @Test
    void aDeactivationTheComponentNeverSawEndsInTheSameConflict() {
        deactivateJaneById("");
        lucid.requests().clear();

        assertDeactivatedOutOfSight(send(UPSERT + STATE, person("jane", "Engineer")));
    }

    private static void assertDeactivatedOutOfSight(Exchange rehired) {
        assertThat(rehired.getException()).isInstanceOf(ScimConflictException.class)
                .hasMessageContaining("no active user with userName 'jane@example.com'")
                .hasMessageContaining("Lucid has an account for this userName or e-mail that it hides from searches")
                .hasMessageContaining("deactivated where this component did not see it")
                .hasMessageContaining("another Lucid account")
                .hasMessageContaining("reactivate the user in Lucid's admin panel")
                .hasMessageContaining("resolveRemoved=true the same stateRepository")
                .hasMessageContaining(LucidScimConstants.RESOURCE_ID + " header")
                .hasMessageContaining("HTTP 409");
        ScimConflictException conflict = (ScimConflictException) rehired.getException();
        assertThat(conflict.getKind()).isEqualTo(ScimConflictException.Kind.DUPLICATE_IN_ACCOUNT);
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(lucid.requests().count("POST", "/Users")).isEqualTo(1);
        assertThat(lucid.requests().count("PATCH", "/Users")).isZero();
    }
}
