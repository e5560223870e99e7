package dev.lucidscim.camel.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lucid-scim dev console, found the way Camel finds consoles (the generated services file), after producers and
 * consumers worked against the simulator: its JSON holds exactly the requests the simulator logged, by method and
 * status, the retry after a 429 and its Retry-After wait, each producer outcome and failure, and each consumer's last
 * poll and pause; the text form says the same; neither holds the token, though one endpoint names it in its URI.
 */
class LucidScimDevConsoleTest extends SimulatedLucidTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        context.getPropertiesComponent().addInitialProperty("lucid.token", lucid.token());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("lucid-scim:users?operation=create&bearerToken=RAW({{lucid.token}})");
                from("direct:upsert").to("lucid-scim:users?operation=upsert&retryInitialDelay=10");
                from("lucid-scim:users?startScheduler=false&pageSize=2").routeId("feed").to("mock:feed");
                from("lucid-scim:groups?startScheduler=false&maxRetries=0").routeId("paused").to("mock:paused");
            }
        };
    }

    @Test
    void theConsoleShowsWhatTheSimulatorSaw() throws Exception {
        for (String name : new String[] { "ann", "bob", "cid" }) {
            assertThat(send("direct:create", user(name, "Sales")).getException()).isNull();
        }
        Exchange duplicate = send("direct:create", user("ann", "Sales"));
        assertThat(duplicate.getException()).isInstanceOf(ScimConflictException.class);
        assertThat(send("direct:upsert", user("ann", "Sales")).getMessage().getHeader(LucidScimConstants.OUTCOME))
                .isEqualTo("unchanged");
        // The upsert's look-up is rate-limited once: one retry, after the second Lucid asked for.
        lucid.faults().add(FaultRule.respond(429).withRetryAfter(Duration.ofSeconds(1)).onlyFor("GET", "/Users")
                .next(1));
        assertThat(send("direct:upsert", user("bob", "Marketing")).getMessage().getHeader(LucidScimConstants.OUTCOME))
                .isEqualTo("updated");
        poll("feed");
        lucid.faults().add(FaultRule.respond(429).withRetryAfter(Duration.ofSeconds(60)).onlyFor("GET", "/Groups"));
        poll("paused");

        DevConsole console = DevConsoleRegistry.get(context).getConsole("lucid-scim").orElseThrow();
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        String text = (String) console.call(DevConsole.MediaType.TEXT);

        JsonObject tenant = only(json.getCollection("tenants"));
        assertThat(tenant.getString("tenant")).isEqualTo("127.0.0.1:" + lucid.port());
        assertThat(requestCounts(tenant)).isEqualTo(simulatorCounts());
        assertThat(tenant.getLong("rateLimited")).isEqualTo(2);
        assertThat(tenant.getLong("retries")).isEqualTo(1);
        assertThat(tenant.getLong("retryAfterWaitMillis")).isEqualTo(1000);
        assertThat(tenant.getLong("rateLimitWaitMillis")).isZero();
        assertThat(tenant.getLong("inFlight")).isZero();
        assertThat(tenant.getDouble("requestsPerSecond")).as("no requestsPerSecond").isZero();
        assertThat(tenant.getBoolean("adaptiveRate")).isFalse();

        List<String> endpoints = new ArrayList<>();
        json.getCollection("producers").forEach(each -> endpoints.add(((JsonObject) each).getString("endpoint")));
        assertThat(endpoints).hasSize(2).anySatisfy(uri -> assertThat(uri).contains("operation=create")
                .contains("bearerToken=xxxxxx")).anySatisfy(uri -> assertThat(uri).contains("operation=upsert"));
        assertThat(outcomesOf(json, "operation=create")).isEqualTo("{create created=3} {create "
                                                                   + "ScimConflictException=1}");
        assertThat(outcomesOf(json, "operation=upsert")).isEqualTo("{upsert unchanged=1, upsert updated=1} {}");

        JsonObject feed = consumer(json, "feed");
        assertThat(feed.getLong("polls")).isEqualTo(1);
        JsonObject lastPoll = (JsonObject) feed.get("lastPoll");
        assertThat(lastPoll.getInteger("pages")).isEqualTo(2);
        assertThat(lastPoll.getInteger("deliveries")).isEqualTo(3);
        assertThat(((JsonObject) lastPoll.get("changes"))).containsOnly(Map.entry("created", 3));
        assertThat(lastPoll.getString("started")).isNotBlank();
        assertThat(feed.getBoolean("paused")).isFalse();
        JsonObject paused = consumer(json, "paused");
        assertThat(paused.getBoolean("paused")).isTrue();
        assertThat(paused.getString("pauseReason")).isEqualTo("rate-limited");
        assertThat(paused.getLong("pauseRemainingSeconds")).isBetween(50L, 60L);

        assertThat(text).contains("Tenant: 127.0.0.1:" + lucid.port())
                .contains("POST 201=3").contains("POST 409=1").contains("GET 429=2")
                .contains("429s: 2  Retries: 1  Retry-After wait: 1000 ms").contains("Rate: none")
                .contains("Outcomes: create created=3").contains("Failures: create ScimConflictException=1")
                .contains("Outcomes: upsert updated=1, upsert unchanged=1")
                .contains("Consumer: route feed").contains("2 page(s), 3 delivered, changes {created=3}")
                .contains("Paused: rate-limited, ");
        assertThat(json.toJson() + text).doesNotContain(lucid.token());
    }

    private Exchange send(String uri, ScimUser body) {
        return template.request(uri, exchange -> exchange.getMessage().setBody(body));
    }

    private void poll(String route) {
        ((LucidScimConsumer) context.getRoute(route).getConsumer()).run();
    }

    private static ScimUser user(String name, String title) {
        return ScimUser.builder().userName(name + "@example.com").email(name + "@example.com").title(title).build();
    }

    /** "GET 200" to count, from the console. */
    private static Map<String, Long> requestCounts(JsonObject tenant) {
        Map<String, Long> counts = new TreeMap<>();
        for (Object each : tenant.getCollection("requests")) {
            JsonObject row = (JsonObject) each;
            counts.put(row.getString("method") + " " + row.getString("status"), row.getLong("count"));
        }
        return counts;
    }

    /** "GET 200" to count, from the simulator's log of what it received. */
    private static Map<String, Long> simulatorCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (RecordedRequest request : lucid.requests().all()) {
            counts.merge(request.method() + " " + request.status(), 1L, Long::sum);
        }
        return counts;
    }

    private static String outcomesOf(JsonObject json, String uriPart) {
        for (Object each : json.getCollection("producers")) {
            JsonObject producer = (JsonObject) each;
            if (producer.getString("endpoint").contains(uriPart)) {
                return counts(producer, "outcomes", "outcome") + " " + counts(producer, "failures", "exception");
            }
        }
        throw new AssertionError("no producer " + uriPart + " in " + json.toJson());
    }

    private static Map<String, Long> counts(JsonObject producer, String list, String kind) {
        Map<String, Long> counts = new TreeMap<>();
        for (Object each : producer.getCollection(list)) {
            JsonObject row = (JsonObject) each;
            counts.put(row.getString("operation") + " " + row.getString(kind), row.getLong("count"));
        }
        return counts;
    }

    private static JsonObject consumer(JsonObject json, String routeId) {
        for (Object each : json.getCollection("consumers")) {
            if (routeId.equals(((JsonObject) each).getString("routeId"))) {
                return (JsonObject) each;
            }
        }
        throw new AssertionError("no consumer " + routeId + " in " + json.toJson());
    }

    private static JsonObject only(Collection<Object> list) {
        assertThat(list).hasSize(1);
        return (JsonObject) list.iterator().next();
    }
}
