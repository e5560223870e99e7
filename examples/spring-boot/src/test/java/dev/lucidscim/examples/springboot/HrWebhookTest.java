package dev.lucidscim.examples.springboot;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service end to end: HTTP in through its real endpoint, signed as the HR system signs, the route, the
 * starter-configured component, and the Lucid simulator on loopback ({@link WebhookServiceTestSupport}).
 */
class HrWebhookTest extends WebhookServiceTestSupport {

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return hrSystem.post(body);
    }

    @Test
    void aJoinerIsCreatedAMoverUpdatedAndALeaverDeactivated() throws Exception {
        HttpResponse<String> joined = post(joiner("Ana.Silva@example.com", "Analyst"));

        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        assertThat(json(joined).path("outcome").asText()).isEqualTo("created");
        String id = json(joined).path("lucidId").asText();
        JsonNode user = LUCID.user(id).orElseThrow();
        assertThat(user.path("userName").asText()).isEqualTo("ana.silva@example.com");
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("Ana");
        assertThat(user.path("externalId").asText()).isEqualTo("E1042");
        assertThat(user.path("title").asText()).isEqualTo("Analyst");

        HttpResponse<String> moved = post("""
                {"type":"mover","email":"ana.silva@example.com","title":"Senior Analyst"}""");
        assertThat(json(moved).path("outcome").asText()).as(moved.body()).isEqualTo("updated");
        assertThat(LUCID.user(id).orElseThrow().path("title").asText()).isEqualTo("Senior Analyst");

        HttpResponse<String> again = post("""
                {"type":"mover","email":"ana.silva@example.com","title":"Senior Analyst"}""");
        assertThat(json(again).path("outcome").asText()).as(again.body()).isEqualTo("unchanged");

        HttpResponse<String> left = post("""
                {"type":"leaver","email":"ana.silva@example.com"}""");
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
        assertThat(json(left).path("outcome").asText()).isEqualTo("deactivated");
        assertThat(LUCID.user(id).orElseThrow().path("active").asBoolean()).isFalse();
        assertThat(LUCID.userCount()).isEqualTo(1);
    }

    @Test
    void aBadEventIsRefusedWithEveryReasonAndNothingSent() throws Exception {
        int before = LUCID.requests().size();

        HttpResponse<String> refused = post("""
                {"type":"joiner","email":"not-an-address","firstName":"Ana"}""");
        HttpResponse<String> noType = post("""
                {"type":"promotion","email":"bo@example.com"}""");
        HttpResponse<String> notJson = post("type=joiner&email=bo@example.com");
        HttpResponse<String> empty = post("");
        HttpResponse<String> jsonNull = post("null");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("problems")).extracting(JsonNode::asText)
                .containsExactly("a joiner needs firstName and lastName", "email is not a valid e-mail address");
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(json(noType).path("problems").toString()).contains("type must be joiner, mover or leaver");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).path("problems").get(0).asText()).startsWith("the body is not a JSON event");
        for (HttpResponse<String> nothing : List.of(empty, jsonNull)) {
            assertThat(nothing.statusCode()).as(nothing.body()).isEqualTo(400);
            assertThat(json(nothing).path("problems").get(0).asText()).startsWith("the body is empty");
        }
        assertThat(LUCID.requests().size()).as("requests that reached Lucid").isEqualTo(before);
    }

    /** Bean Validation's @Email checks the lengths (64 local, 255 domain) before its patterns: 10 KB is refused. */
    @Test
    void aTenKilobyteAddressIsRefusedAtOnce() throws Exception {
        int before = LUCID.requests().size();
        String huge = "a".repeat(5_000) + "@" + "b.".repeat(2_500) + "example";

        HttpResponse<String> refused = post("{\"type\":\"leaver\",\"email\":\"" + huge + "\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("problems").toString()).contains("email");
        assertThat(LUCID.requests().size()).as("requests that reached Lucid").isEqualTo(before);
    }

    @Test
    void lucidsAnswersReachTheHrSystemWithTheirStatus() throws Exception {
        LUCID.reserveForOtherAccount("taken@example.com");

        HttpResponse<String> conflict = post(joiner("taken@example.com", "Analyst"));
        HttpResponse<String> unknownLeaver = post("""
                {"type":"leaver","email":"nobody@example.com"}""");

        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        assertThat(json(conflict).path("lucidStatus").asInt()).isEqualTo(409);
        assertThat(json(conflict).path("problems").get(0).asText()).isNotBlank();
        assertThat(unknownLeaver.statusCode()).as(unknownLeaver.body()).isEqualTo(200);
        assertThat(json(unknownLeaver).path("outcome").asText()).as("a leaver Lucid does not list")
                .isEqualTo("unchanged");
        assertThat(json(unknownLeaver).has("lucidId")).isFalse();
    }

    @Test
    void theActuatorShowsTheMonitoringUserWhetherLucidAnswers() throws Exception {
        HttpResponse<String> health = actuator("health", MONITORING_PASSWORD);

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode camel = json(health).path("components").path("camelHealth").path("details");
        assertThat(camel.fieldNames()).toIterable().anySatisfy(id -> {
            assertThat(id).startsWith("producer:lucid-scim").doesNotEndWith(".data");
            assertThat(camel.path(id).asText()).isEqualTo("UP");
            assertThat(camel.path(id + ".data").path("lucid.tenant.url").asText()).isEqualTo(LUCID.baseUrl());
        });
        assertThat(health.body()).doesNotContain(LUCID.token());

        HttpResponse<String> readiness = actuator("health/readiness", MONITORING_PASSWORD);
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(json(readiness).path("components").path("camelReadinessState").path("status").asText())
                .as(readiness.body()).isEqualTo("UP");
    }
}
