package dev.lucidscim.camel.producer;

import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.camel.producer.reconcile.ReconcileAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.model.LucidLicensing;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimMultiValue;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static dev.lucidscim.camel.producer.IgnoredAttributesRouteTest.licensed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account that keeps per-user licences (the simulator's default): licences converge as before, and an answer
 * that equals what was written by the diff's rules (userName and e-mail in another case, multi-values in another
 * order) is never taken for an attribute not kept.
 */
class IgnoredAttributesOnAPerUserAccountTest extends SimulatedLucidTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hr").to("lucid-scim:users?operation=upsert");
                from("direct:reconcile").to("lucid-scim:users?operation=reconcile&maxDeactivationPercent=100");
            }
        };
    }

    /** Jane as stored: lower-case names, the work address first. */
    private void seedJane() {
        lucid.seedUser(ScimJson.toJson(licensed("jane", "Engineer").toBuilder().lucidV2(null)
                .emails(List.of(new ScimMultiValue("jane@example.com", null, "work", true, null),
                        new ScimMultiValue("jane@home.example", null, "home", false, null))).build()));
    }

    /** Jane as HR sends her: upper case, the addresses in the other order, a licence to grant. */
    private static ScimUser janeFromHr(String title) {
        return licensed("jane", title).toBuilder().userName("JANE@EXAMPLE.COM")
                .emails(List.of(new ScimMultiValue("jane@home.example", null, "home", false, null),
                        new ScimMultiValue("JANE@example.com", null, "work", true, null))).build();
    }

    private Exchange upsert(ScimUser user) {
        Exchange exchange = template.request("direct:hr", e -> e.getMessage().setBody(user));
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    @Test
    void licencesWrittenAreKeptAndTheNextUpsertIsUnchanged() {
        seedJane();

        Exchange granted = upsert(janeFromHr("Manager"));
        Exchange again = upsert(janeFromHr("Manager"));

        assertThat(granted.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("updated");
        // the seeded user has no licensing extension: it is written whole
        assertThat(granted.getMessage().getHeader(LucidScimConstants.CHANGED_ATTRIBUTES))
                .isEqualTo(List.of("title", ScimSchemas.LUCID_USER_V2));
        assertThat(granted.getMessage().getHeader(LucidScimConstants.IGNORED_ATTRIBUTES)).isEqualTo(List.of());
        assertThat(again.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("unchanged");
        assertThat(lucid.userByUserName("jane@example.com").orElseThrow().path(ScimSchemas.LUCID_USER_V2)
                .path("productLicenses").path("Lucidchart").asBoolean()).isTrue();
    }

    @Test
    void aCreatedUserIsCreatedWithEveryAttributeKept() {
        Exchange created = upsert(janeFromHr("Engineer").toBuilder()
                .lucidV2(LucidLicensing.of(Map.of("Lucidchart", true, "Lucidspark", false))).build());

        assertThat(created.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("created");
        assertThat(created.getMessage().getHeader(LucidScimConstants.IGNORED_ATTRIBUTES)).isEqualTo(List.of());
    }

    @Test
    void reconcileOfCreatesAndUpdatesFindsNothingIgnored() {
        seedJane();
        List<ScimUser> roster = List.of(janeFromHr("Manager"), licensed("joe", "Engineer"));

        ReconcileReport first = template.requestBody("direct:reconcile", roster, ReconcileReport.class);
        ReconcileReport second = template.requestBody("direct:reconcile", roster, ReconcileReport.class);

        assertThat(first.items()).extracting(ReconcileItem::action)
                .containsExactlyInAnyOrder(ReconcileAction.UPDATE, ReconcileAction.CREATE);
        assertThat(first.items()).extracting(ReconcileItem::ignoredAttributes).containsOnlyNulls();
        assertThat(first.ignoredAttributes()).isEmpty();
        assertThat(second.count(ReconcileAction.UNCHANGED)).isEqualTo(2);
    }
}
