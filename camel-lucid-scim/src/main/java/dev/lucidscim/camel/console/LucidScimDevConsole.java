package dev.lucidscim.camel.console;

import java.time.Duration;
import java.util.Map;

import dev.lucidscim.camel.LucidScimStatistics;
import dev.lucidscim.camel.LucidScimStatistics.PollingConsumer;
import dev.lucidscim.camel.LucidScimStatistics.ProducerEndpoint;
import dev.lucidscim.camel.StatisticsText;
import dev.lucidscim.camel.consumer.PollStatistics;
import dev.lucidscim.camel.consumer.PollSummary;
import dev.lucidscim.client.TenantStatistics;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code lucid-scim} dev console: per tenant host the requests by method and status, retries, 429s, the time
 * spent waiting for {@code Retry-After} and for the client-side rate limit, the requests in flight and the rate in
 * force (with {@code adaptiveRate}, as adapted); per
 * producer endpoint the outcomes and the failures by exception type; per consumer the last poll and the pause. No
 * token, path, id or filter: only counts, hosts and the endpoint URIs as Camel shows them.
 */
@DevConsole(name = "lucid-scim", displayName = "Lucid SCIM",
            description = "Requests, retries, rate limits, outcomes and polls of the lucid-scim component")
public class LucidScimDevConsole extends AbstractDevConsole {

    public LucidScimDevConsole() {
        super("camel", "lucid-scim", "Lucid SCIM",
                "Requests, retries, rate limits, outcomes and polls of the lucid-scim component");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (TenantStatistics tenant : LucidScimStatistics.tenants(getCamelContext())) {
            text.append("Tenant: ").append(tenant.tenant()).append('\n')
                    .append("    Requests: ").append(StatisticsText.requests(tenant)).append('\n')
                    .append("    429s: ").append(tenant.rateLimited())
                    .append("  Retries: ").append(tenant.retries())
                    .append("  Retry-After wait: ").append(millis(tenant.retryAfterWaitNanos())).append(" ms")
                    .append("  Rate-limit wait: ").append(millis(tenant.rateLimitWaitNanos())).append(" ms")
                    .append("  In flight: ").append(tenant.inFlight()).append('\n')
                    .append("    Rate: ").append(StatisticsText.rate(tenant)).append('\n');
        }
        for (ProducerEndpoint producer : LucidScimStatistics.producers(getCamelContext())) {
            text.append("Producer: ").append(producer.endpointUri()).append('\n')
                    .append("    Outcomes: ").append(StatisticsText.outcomes(producer.statistics())).append('\n')
                    .append("    Failures: ").append(StatisticsText.failures(producer.statistics())).append('\n');
        }
        for (PollingConsumer consumer : LucidScimStatistics.consumers(getCamelContext())) {
            PollStatistics polls = consumer.statistics();
            PollSummary last = polls.lastPoll();
            text.append("Consumer: route ").append(consumer.routeId()).append(", ").append(consumer.endpointUri())
                    .append('\n').append("    Last poll: ");
            if (last == null) {
                text.append("none yet");
            } else {
                text.append(last.started()).append(", ").append(last.duration().toMillis()).append(" ms, ")
                        .append(last.pages()).append(" page(s), ").append(last.deliveries())
                        .append(" delivered, changes ").append(last.changes());
            }
            text.append('\n').append("    Paused: ").append(polls.pauseReason() == null ? "no"
                    : polls.pauseReason() + ", " + polls.pauseRemaining().toSeconds() + " s left").append('\n');
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray tenants = new JsonArray();
        for (TenantStatistics tenant : LucidScimStatistics.tenants(getCamelContext())) {
            tenants.add(tenantJson(tenant));
        }
        root.put("tenants", tenants);
        JsonArray producers = new JsonArray();
        for (ProducerEndpoint producer : LucidScimStatistics.producers(getCamelContext())) {
            producers.add(producerJson(producer));
        }
        root.put("producers", producers);
        JsonArray consumers = new JsonArray();
        for (PollingConsumer consumer : LucidScimStatistics.consumers(getCamelContext())) {
            consumers.add(consumerJson(consumer));
        }
        root.put("consumers", consumers);
        return root;
    }

    private static JsonObject tenantJson(TenantStatistics tenant) {
        JsonObject json = new JsonObject();
        json.put("tenant", tenant.tenant());
        JsonArray requests = new JsonArray();
        tenant.forEachRequestCount((method, status, count) -> {
            JsonObject row = new JsonObject();
            row.put("method", method);
            row.put("status", TenantStatistics.statusName(status));
            row.put("count", count);
            requests.add(row);
        });
        json.put("requests", requests);
        json.put("rateLimited", tenant.rateLimited());
        json.put("retries", tenant.retries());
        json.put("retryAfterWaitMillis", millis(tenant.retryAfterWaitNanos()));
        json.put("rateLimitWaitMillis", millis(tenant.rateLimitWaitNanos()));
        json.put("inFlight", tenant.inFlight());
        json.put("requestsPerSecond", tenant.requestsPerSecond());
        json.put("configuredRequestsPerSecond", tenant.configuredRequestsPerSecond());
        json.put("adaptiveRate", tenant.adaptiveRate());
        return json;
    }

    private static JsonObject producerJson(ProducerEndpoint producer) {
        JsonObject json = new JsonObject();
        json.put("endpoint", producer.endpointUri());
        json.put("tenant", producer.tenant());
        json.put("resource", producer.resource().toString());
        JsonArray outcomes = new JsonArray();
        producer.statistics().forEachOutcome((operation, outcome, count) -> outcomes.add(
                countJson(operation, "outcome", outcome, count)));
        json.put("outcomes", outcomes);
        JsonArray failures = new JsonArray();
        producer.statistics().forEachFailure((operation, exception, count) -> failures.add(
                countJson(operation, "exception", exception, count)));
        json.put("failures", failures);
        return json;
    }

    private static JsonObject countJson(String operation, String kindName, String kind, long count) {
        JsonObject row = new JsonObject();
        row.put("operation", operation);
        row.put(kindName, kind);
        row.put("count", count);
        return row;
    }

    private static JsonObject consumerJson(PollingConsumer consumer) {
        PollStatistics polls = consumer.statistics();
        JsonObject json = new JsonObject();
        json.put("routeId", consumer.routeId());
        json.put("endpoint", consumer.endpointUri());
        json.put("tenant", consumer.tenant());
        json.put("resource", consumer.resource().toString());
        json.put("polls", polls.polls());
        PollSummary last = polls.lastPoll();
        if (last != null) {
            JsonObject lastPoll = new JsonObject();
            lastPoll.put("started", last.started().toString());
            lastPoll.put("durationMillis", last.duration().toMillis());
            lastPoll.put("pages", last.pages());
            lastPoll.put("deliveries", last.deliveries());
            JsonObject changes = new JsonObject();
            last.changes().forEach((type, count) -> changes.put(type.toString(), count));
            lastPoll.put("changes", changes);
            json.put("lastPoll", lastPoll);
        }
        json.put("paused", polls.pauseReason() != null);
        json.put("pauseReason", polls.pauseReason());
        json.put("pauseRemainingSeconds", polls.pauseRemaining().toSeconds());
        return json;
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
