package dev.lucidscim.camel.dialect;

import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.producer.reconcile.ReconcileAction;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.SimulatorDialect;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios against the simulator as a strict RFC 7643/7644 server (schemas required, a remove's value ignored,
 * deactivated users listed, no Location header), with {@code dialect=standard}.
 */
class StandardDialectTest extends DialectScenarios {

    @BeforeAll
    static void startLucid() {
        startLucid(LucidScimSimulator.builder().dialect(SimulatorDialect.STANDARD));
    }

    @Override
    String dialect() {
        return "standard";
    }

    /**
     * Users the component never deactivated (no tombstone), that the server lists with active=false: a roster
     * without them writes nothing and trips no breaker (two "deactivations" of three managed users would be 67%),
     * and a roster with one of them reactivates it with one PATCH.
     */
    @Test
    void usersListedInactiveAreNeitherDeactivatedNorCountedAndAreReactivatedWhenWanted() {
        lucid.seedUser(person("ann", true));
        lucid.seedUser(person("ben", false));
        String cid = lucid.seedUser(person("cid", false));
        String reconcile = "lucid-scim:users?operation=reconcile&managedUsers=withExternalId"
                           + "&maxDeactivationPercent=50&dialect=standard";

        Exchange annOnly = template.request(reconcile, exchange -> exchange.getMessage().setBody(
                List.of(rostered("ann"))));
        assertThat(annOnly.getException()).isNull();
        ReconcileReport report = report(annOnly);
        assertThat(report.plannedWrites()).isZero();
        assertThat(report.managedUsers()).isEqualTo(1);
        assertThat(lucid.requests().matching(request -> !request.method().equals("GET"))).isEmpty();

        Exchange withCid = template.request(reconcile, exchange -> exchange.getMessage().setBody(
                List.of(rostered("ann"), rostered("cid"))));
        assertThat(actions(withCid)).containsEntry("cid@example.com", ReconcileAction.REACTIVATE)
                .doesNotContainKey("ben@example.com");
        assertThat(lucid.requests().matching(request -> !request.method().equals("GET")))
                .extracting(request -> request.method() + " " + request.path()).containsExactly("PATCH /Users/" + cid);
        assertThat(lucid.user(cid).orElseThrow().path("active").asBoolean()).isTrue();
    }

    /** The listing itself shows the deactivation: the user is not looked up by id, as a vanished one is. */
    @Test
    void aListedUserGoneInactiveIsADeactivationWithoutAnyLookUp() {
        String ann = lucid.seedUser(person("ann", true));
        poll();
        lucid.requests().clear();
        template.request("lucid-scim:users?operation=deactivate&dialect=standard",
                exchange -> exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, ann));

        assertThat(changes(poll())).containsExactlyEntriesOf(Map.of(ann, "deactivated"));
        assertThat(lucid.requests().matching(request -> request.path().equals("/Users/" + ann)
                                                        && request.method().equals("GET"))).isEmpty();
    }

    /**
     * A strict server refuses the PATCH form of Lucid's examples (RFC 7644 section 3.5.2: the PatchOp URN alone), so
     * it stays an option: the refusal is a typed exception with the status and the server's detail, nothing changed.
     */
    @Test
    void lucidsPatchFormIsRefusedByAStrictServerWithItsDetail() {
        String ann = lucid.seedUser(person("ann", true));

        Exchange result = template.request("lucid-scim:users?operation=deactivate&dialect=standard&patchForm=lucid",
                exchange -> exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, ann));

        assertThat(result.getException()).isInstanceOfSatisfying(ScimValidationException.class, refused -> {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.getDetail()).contains("RFC 7644 section 3.5.2");
        });
        assertThat(lucid.user(ann).orElseThrow().path("active").asBoolean()).isTrue();
    }
}
