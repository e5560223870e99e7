package dev.lucidscim.camel.springboot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import dev.lucidscim.camel.LucidScimChangeType;
import dev.lucidscim.camel.LucidScimStatistics;
import dev.lucidscim.camel.LucidScimStatistics.PollingConsumer;
import dev.lucidscim.camel.LucidScimStatistics.ProducerEndpoint;
import dev.lucidscim.camel.consumer.PollStatistics;
import dev.lucidscim.camel.consumer.PollSummary;
import dev.lucidscim.camel.producer.ProducerStatistics;
import dev.lucidscim.client.TenantStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.CamelContext;

/**
 * The lucid-scim component's counts as Micrometer meters: function counters and gauges that read the component's own
 * adders when the registry is read, so nothing is counted twice and a request costs no more than without Micrometer.
 * <p>
 * A series exists once it was counted (a status first seen, an endpoint first used, a consumer started), so the
 * binder looks for new ones when it is bound and then every {@link #REFRESH}; registering a meter that exists
 * changes nothing. Each meter sums over what it names (two endpoints of one tenant and resource make one outcomes
 * series), found afresh on every read. Tags: tenant (host and port), resource, operation, outcome or exception, method
 * and status, route; never a token, a path, an id or a filter.
 */
public final class LucidScimMeterBinder implements MeterBinder, AutoCloseable {

    /** How often new series are looked for. */
    static final Duration REFRESH = Duration.ofSeconds(10);

    private final CamelContext camelContext;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lucid-scim-meters");
        thread.setDaemon(true);
        return thread;
    });

    public LucidScimMeterBinder(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        refresh(registry);
        refresher.scheduleWithFixedDelay(() -> refresh(registry), REFRESH.toMillis(), REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }

    /** Registers a meter for every series counted so far. */
    void refresh(MeterRegistry registry) {
        for (TenantStatistics tenant : LucidScimStatistics.tenants(camelContext)) {
            bindTenant(registry, tenant);
        }
        for (ProducerEndpoint producer : LucidScimStatistics.producers(camelContext)) {
            bindProducer(registry, producer);
        }
        for (PollingConsumer consumer : LucidScimStatistics.consumers(camelContext)) {
            bindConsumer(registry, consumer);
        }
    }

    private void bindTenant(MeterRegistry registry, TenantStatistics seen) {
        String name = seen.tenant();
        Tags tags = Tags.of("tenant", name);
        seen.forEachRequestCount((method, status, count) -> counter(registry, "lucid.scim.requests",
                "Requests sent to Lucid, by method and status (none: no answer)",
                tags.and("method", method, "status", TenantStatistics.statusName(status)),
                tenantSum(name, tenant -> tenant.requests(method, status))));
        counter(registry, "lucid.scim.retries", "Requests sent again after a 429, a 5xx or an I/O error", tags,
                tenantSum(name, TenantStatistics::retries));
        counter(registry, "lucid.scim.rate.limited", "Answers with status 429", tags,
                tenantSum(name, TenantStatistics::rateLimited));
        seconds(registry, "lucid.scim.retry.after.wait", "Time spent waiting before retries as Retry-After asked",
                tags, tenantSum(name, TenantStatistics::retryAfterWaitNanos));
        seconds(registry, "lucid.scim.rate.limit.wait", "Time requests waited for the client-side rate limit", tags,
                tenantSum(name, TenantStatistics::rateLimitWaitNanos));
        Gauge.builder("lucid.scim.requests.in.flight", camelContext, context -> tenantSum(name,
                TenantStatistics::inFlight).applyAsDouble(context))
                .description("Requests sent and not answered yet").tags(tags).register(registry);
        Gauge.builder("lucid.scim.requests.per.second", camelContext, tenantSum(name,
                TenantStatistics::requestsPerSecond))
                .description("The client-side rate in force: requestsPerSecond, or as adaptiveRate adapted it; 0: "
                             + "no limit").tags(tags).register(registry);
    }

    private void bindProducer(MeterRegistry registry, ProducerEndpoint seen) {
        Tags tags = Tags.of("tenant", seen.tenant(), "resource", seen.resource().toString());
        Predicate<ProducerEndpoint> same = producer -> producer.tenant().equals(seen.tenant())
                                                       && producer.resource() == seen.resource();
        seen.statistics().forEachOutcome((operation, outcome, count) -> counter(registry, "lucid.scim.outcomes",
                "Messages the producers completed, by operation and outcome",
                tags.and("operation", operation, "outcome", outcome),
                producerSum(same, ProducerStatistics::forEachOutcome, operation, outcome)));
        seen.statistics().forEachFailure((operation, exception, count) -> counter(registry, "lucid.scim.failures",
                "Messages the producers failed, by operation and exception type",
                tags.and("operation", operation, "exception", exception),
                producerSum(same, ProducerStatistics::forEachFailure, operation, exception)));
    }

    private void bindConsumer(MeterRegistry registry, PollingConsumer seen) {
        String route = seen.routeId();
        Tags tags = Tags.of("tenant", seen.tenant(), "resource", seen.resource().toString(), "route", route);
        counter(registry, "lucid.scim.polls", "Polls finished", tags, pollValue(route, PollStatistics::polls));
        counter(registry, "lucid.scim.poll.pages", "Listing pages read by polls", tags,
                pollValue(route, PollStatistics::pages));
        counter(registry, "lucid.scim.poll.deliveries", "Exchanges polls sent to the route", tags,
                pollValue(route, PollStatistics::deliveries));
        for (LucidScimChangeType type : LucidScimChangeType.values()) {
            counter(registry, "lucid.scim.poll.changes", "Changes polls found, by type",
                    tags.and("type", type.toString()),
                    pollValue(route, polls -> polls.changes(type)));
        }
        gauge(registry, "lucid.scim.poll.duration", "How long the last poll took", tags, route,
                polls -> polls.lastPoll() == null ? 0 : seconds(polls.lastPoll().duration()));
        gauge(registry, "lucid.scim.poll.last.start", "When the last poll started, in seconds since the epoch", tags,
                route, polls -> lastStart(polls.lastPoll()));
        gauge(registry, "lucid.scim.poll.pause.remaining", "Seconds left of the pause of polls (0: not paused)", tags,
                route, polls -> seconds(polls.pauseRemaining()));
    }

    private void counter(MeterRegistry registry, String name, String description, Tags tags,
                         ToDoubleFunction<CamelContext> value) {
        FunctionCounter.builder(name, camelContext, value).description(description).tags(tags).register(registry);
    }

    /** A counter of nanoseconds, shown in seconds. */
    private void seconds(MeterRegistry registry, String name, String description, Tags tags,
                         ToDoubleFunction<CamelContext> nanos) {
        FunctionCounter.builder(name, camelContext, context -> nanos.applyAsDouble(context) / 1e9)
                .description(description).baseUnit("seconds").tags(tags).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, Tags tags, String route,
                       ToDoubleFunction<PollStatistics> value) {
        Gauge.builder(name, camelContext, context -> {
                    PollStatistics polls = consumerOf(context, route);
                    return polls == null ? Double.NaN : value.applyAsDouble(polls);
                })
                .description(description).baseUnit("seconds").tags(tags).register(registry);
    }

    /**
     * The sum over every tenant statistics of this host (one per lucid-scim component that uses it; each component
     * paces its own requests, so their rates add up too).
     */
    private static ToDoubleFunction<CamelContext> tenantSum(String tenant, ToDoubleFunction<TenantStatistics> value) {
        return context -> LucidScimStatistics.tenants(context).stream().filter(seen -> seen.tenant().equals(tenant))
                .mapToDouble(value).sum();
    }

    private static ToDoubleFunction<CamelContext> producerSum(
            Predicate<ProducerEndpoint> same, ForEachCount counts, String operation, String kind) {
        return context -> {
            long[] sum = { 0 };
            for (ProducerEndpoint producer : LucidScimStatistics.producers(context)) {
                if (same.test(producer)) {
                    counts.forEach(producer.statistics(), (op, k, count) -> {
                        if (op.equals(operation) && k.equals(kind)) {
                            sum[0] += count;
                        }
                    });
                }
            }
            return sum[0];
        };
    }

    private static ToDoubleFunction<CamelContext> pollValue(String route, ToLongFunction<PollStatistics> value) {
        return context -> {
            PollStatistics polls = consumerOf(context, route);
            return polls == null ? Double.NaN : value.applyAsLong(polls);
        };
    }

    private static PollStatistics consumerOf(CamelContext context, String route) {
        List<PollingConsumer> consumers = LucidScimStatistics.consumers(context);
        return consumers.stream().filter(consumer -> consumer.routeId().equals(route)).findFirst()
                .map(PollingConsumer::statistics).orElse(null);
    }

    private static double lastStart(PollSummary last) {
        return last == null ? 0 : last.started().toEpochMilli() / 1e3;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** {@link ProducerStatistics#forEachOutcome} or {@link ProducerStatistics#forEachFailure}. */
    @FunctionalInterface
    private interface ForEachCount {
        void forEach(ProducerStatistics statistics, ProducerStatistics.CountConsumer consumer);
    }
}
