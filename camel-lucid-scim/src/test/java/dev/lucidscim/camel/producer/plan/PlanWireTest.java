package dev.lucidscim.camel.producer.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.camel.LucidScimTestSupport;
import dev.lucidscim.camel.producer.reconcile.GroupReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileItem;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PlannedChange;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The exact wire form of an applied plan: the If-Match each write carries, a 412, and a tenant without ETags. */
class PlanWireTest extends LucidScimTestSupport {

    private static final String APPLY = "lucid-scim:users?operation=apply";

    private static String user(String id, String title, String version) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"" + id + "\",\"userName\":\""
               + id + "@example.com\",\"title\":\"" + title + "\",\"active\":true,\"meta\":{\"version\":"
               + TextNode.valueOf(version) + "}}";
    }

    private static void etagsSupported(boolean supported) {
        lucid.stubFor(get("/scim/v2/ServiceProviderConfig").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON)
                .withBody("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"],"
                          + "\"patch\":{\"supported\":true},\"etag\":{\"supported\":" + supported + "}}")));
    }

    private static PlannedChange retitle(String id, String version) {
        return new PlannedChange("User", "update", id, id + "@example.com", version,
                List.of(new AttributeChange("title", TextNode.valueOf("Engineer"), TextNode.valueOf("Lead"))), null,
                List.of(PatchOperation.replace("title", "Lead")), null, null);
    }

    private static ChangePlan plan(PlannedChange... changes) {
        return new ChangePlan(UUID.randomUUID().toString(), Instant.now(),
                java.net.URI.create(tenantUrl()).getAuthority(),
                "reconcile", "0".repeat(64), null, List.of(changes), new ChangePlan.BreakerBase(10, 10));
    }

    private ReconcileReport apply(ChangePlan plan) {
        Exchange applied = call(APPLY, plan);
        assertThat(applied.getException()).isNull();
        return applied.getMessage().getBody(ReconcileReport.class);
    }

    @Test
    void eachPatchCarriesItsPlannedVersionAndA412IsSkippedNotRetried() {
        etagsSupported(true);
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Users/lucid-1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON).withBody(user("lucid-1", "Lead", "W/\"v2\""))));
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Users/lucid-2")).willReturn(aResponse().withStatus(412)
                .withHeader("Content-Type", SCIM_JSON)
                .withBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"412\","
                          + "\"detail\":\"version mismatch\"}")));
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Groups/lucid-group-1")).willReturn(aResponse().withStatus(204)));
        PlannedChange group = new PlannedChange("Group", "update", "lucid-group-1", "Engineering", "W/\"g1\"",
                List.of(new AttributeChange(AttributeChange.memberPath("lucid-1"), null, TextNode.valueOf("x"))),
                null, List.of(PatchOperation.add("members", List.of(ScimReference.of("lucid-1")))), null, null);

        ReconcileReport report = apply(plan(retitle("lucid-1", "W/\"v1\""), retitle("lucid-2", "W/\"v7\""), group));
        apply(plan(retitle("lucid-1", "W/\"v1\"")));

        assertThat(lucid.findAll(patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")))).hasSize(2)
                .allSatisfy(request -> assertThat(request.getHeader("If-Match")).isEqualTo("W/\"v1\""));
        assertThat(onlyRequest(patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-2"))).getHeader("If-Match"))
                .as("a 412 is not retried").isEqualTo("W/\"v7\"");
        assertThat(onlyRequest(patchRequestedFor(urlEqualTo("/scim/v2/Groups/lucid-group-1"))).getHeader(
                "If-Match")).isEqualTo("W/\"g1\"");
        assertThat(lucid.findAll(getRequestedFor(urlEqualTo("/scim/v2/ServiceProviderConfig"))))
                .as("read once per endpoint").hasSize(1);
        assertThat(lucid.findAll(getRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")))).as("no read first")
                .isEmpty();
        assertThat(report.items()).extracting(ReconcileItem::id, ReconcileItem::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lucid-1", ReconcileItem.Result.APPLIED),
                org.assertj.core.groups.Tuple.tuple("lucid-2", ReconcileItem.Result.SKIPPED));
        assertThat(report.skipped()).singleElement().satisfies(item -> assertThat(item.error()).contains("412"));
        assertThat(report.groups()).extracting(GroupReconcileItem::result)
                .containsExactly(ReconcileItem.Result.APPLIED);
    }

    @Test
    void withoutETagsTheResourceIsReadFirstAndAMovedOneIsNotWritten() {
        etagsSupported(false);
        lucid.stubFor(get("/scim/v2/Users/lucid-1").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON).withBody(user("lucid-1", "Engineer", "W/\"v1\""))));
        lucid.stubFor(get("/scim/v2/Users/lucid-2").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON).withBody(user("lucid-2", "Engineer", "W/\"v8\""))));
        lucid.stubFor(get("/scim/v2/Users/lucid-3").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", SCIM_JSON).withBody(user("lucid-3", "Principal", "W/\"v3\""))));
        lucid.stubFor(patch(urlEqualTo("/scim/v2/Users/lucid-1")).willReturn(aResponse().withStatus(204)));

        ReconcileReport report = apply(plan(retitle("lucid-1", "W/\"v1\""), retitle("lucid-2", "W/\"v7\""),
                retitle("lucid-3", null)));

        assertThat(onlyRequest(patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-1")).withHeader("If-Match",
                absent()))).isNotNull();
        assertThat(lucid.findAll(patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-2")))).isEmpty();
        assertThat(lucid.findAll(patchRequestedFor(urlEqualTo("/scim/v2/Users/lucid-3")))).isEmpty();
        assertThat(report.items()).extracting(ReconcileItem::result).containsExactly(ReconcileItem.Result.APPLIED,
                ReconcileItem.Result.SKIPPED, ReconcileItem.Result.SKIPPED);
        assertThat(report.skipped()).extracting(ReconcileItem::error).satisfiesExactly(
                version -> assertThat(version).contains("W/\"v7\"", "W/\"v8\""),
                value -> assertThat(value).contains("title", "Principal"));
        assertThat(lucid.findAll(getRequestedFor(urlEqualTo("/scim/v2/ServiceProviderConfig")))).hasSize(1);
    }
}
