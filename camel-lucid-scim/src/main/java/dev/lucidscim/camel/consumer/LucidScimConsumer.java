package dev.lucidscim.camel.consumer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimConsumerMode;
import dev.lucidscim.camel.LucidScimEndpoint;
import dev.lucidscim.camel.LucidScimResource;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.error.ScimAuthenticationException;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.error.ScimRateLimitedException;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lucid's directory as a scheduled poll: one exchange per resource, body the typed resource. In {@code changes} mode
 * only what changed since the last poll is emitted ({@code CamelLucidScimChangeType}: created, updated, removed or,
 * with resolveRemoved, deactivated or deleted; reactivated), and the new state of a resource is committed only after
 * its exchange succeeded: a failed change is emitted again on the next poll, and nothing else is.
 * <p>
 * Pages are streamed: each page's changes are delivered before the next page is read, so memory holds ids and
 * fingerprints, not the directory. Removals can only be known once the whole listing was read; a poll cut short
 * (maxMessagesPerPoll, shutdown, a failure) leaves them for the next one. Exchanges are delivered one page behind
 * nothing: the last exchange of a poll carries {@code CamelBatchComplete=true} and the poll's {@code CamelBatchSize}.
 */
@ManagedResource(description = "Managed lucid-scim consumer")
public class LucidScimConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(LucidScimConsumer.class);
    /** The exchange property holding the change an exchange delivers, to commit once it succeeded. */
    private static final String CHANGE = "CamelLucidScimConsumerChange";

    private final LucidScimEndpoint endpoint;
    private final LucidScimConfiguration configuration;
    private final PollPause pause;
    private final PollStatistics statistics;
    private ConsumerState state;
    private ChangeDetector detector;

    public LucidScimConsumer(LucidScimEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.pause = new PollPause(Duration.ofMillis(endpoint.getDelay()));
        this.statistics = new PollStatistics(pause);
    }

    @Override
    protected void doStart() throws Exception {
        if (configuration.getMode() == LucidScimConsumerMode.changes) {
            state = new ConsumerState(endpoint.stateRepository(), endpoint.stateNamespace());
            // Read at every start: a cluster member taking over continues from the committed state.
            state.load();
            detector = new ChangeDetector(TrackedAttributes.of(trackedAttributes()), resourceClient().type()
                    .modelClass());
        }
        super.doStart();
    }

    @Override
    protected void doBuild() throws Exception {
        // before Camel's own: it installs the generic poll check only when the consumer has none
        setHealthCheck(new LucidScimConsumerHealthCheck(this, "consumer:" + getRouteId(), pause));
        super.doBuild();
    }

    /** For tests and tools: the consumer's state (null in {@code all} mode). */
    public ConsumerState getState() {
        return state;
    }

    /** What the polls did, for the dev console, JMX (the attributes below) and metrics. */
    public PollStatistics getPollStatistics() {
        return statistics;
    }

    @ManagedAttribute(description = "When the last poll started (ISO-8601); empty before the first poll")
    public String getLastPollStarted() {
        return statistics.lastPoll() == null ? "" : statistics.lastPoll().started().toString();
    }

    @ManagedAttribute(description = "How long the last poll took, deliveries included, in milliseconds")
    public long getLastPollDurationMillis() {
        return statistics.lastPoll() == null ? 0 : statistics.lastPoll().duration().toMillis();
    }

    @ManagedAttribute(description = "Listing pages the last poll read")
    public int getLastPollPages() {
        return statistics.lastPoll() == null ? 0 : statistics.lastPoll().pages();
    }

    @ManagedAttribute(description = "Exchanges the last poll sent to the route")
    public int getLastPollDeliveries() {
        return statistics.lastPoll() == null ? 0 : statistics.lastPoll().deliveries();
    }

    @ManagedAttribute(description = "Changes the last poll found, by type, such as {created=2, updated=1}")
    public String getLastPollChanges() {
        return statistics.lastPoll() == null ? "{}" : statistics.lastPoll().changes().toString();
    }

    @ManagedAttribute(description = "Why polls are paused (token-refused, rate-limited); empty when they are not")
    public String getPauseReason() {
        return statistics.pauseReason() == null ? "" : statistics.pauseReason();
    }

    @ManagedAttribute(description = "Seconds left of the pause of polls; 0 when they are not paused")
    public long getPauseRemainingSeconds() {
        return statistics.pauseRemaining().toSeconds();
    }

    @Override
    protected int poll() throws Exception {
        if (pause.isActive()) {
            LOG.debug("Poll of {} skipped: paused after a refused token or a rate limit", endpoint);
            return 0;
        }
        Delivery delivery = new Delivery();
        statistics.pollStarted();
        try {
            boolean listedAll = list(delivery);
            if (listedAll && state != null) {
                deliverRemovals(delivery);
            }
            delivery.finish();
            pause.afterSuccess();
            return delivery.count;
        } catch (ScimAuthenticationException e) {
            delivery.finish();
            Duration paused = pause.afterAuthenticationFailure();
            LOG.warn("Lucid refused the bearer token while polling {}: polls are paused for {} s. Generate a new token "
                     + "under Admin > App Integration > SCIM and update bearerToken", endpoint, paused.toSeconds());
            addLastErrorDetail(HealthCheck.HTTP_RESPONSE_CODE, e.getStatus());
            throw e;
        } catch (ScimRateLimitedException e) {
            delivery.finish();
            Duration paused = pause.afterRateLimit(e.getRetryAfter());
            if (pause.cappedRequest() != null) {
                LOG.warn("Lucid rate-limited the poll of {} after {} change(s) and asked to wait {} s (Retry-After): "
                         + "the next poll waits {} s, the longest pause this consumer takes", endpoint,
                        delivery.count, pause.cappedRequest().toSeconds(), paused.toSeconds());
            } else {
                LOG.info("Lucid rate-limited the poll of {} after {} change(s): the next poll waits at least {} s",
                        endpoint, delivery.count, paused.toSeconds());
            }
            return delivery.count;
        } catch (ScimException e) {
            delivery.finish();
            addLastErrorDetail(HealthCheck.HTTP_RESPONSE_CODE, e.getStatus());
            throw e;
        } finally {
            statistics.pollEnded(delivery.count);
        }
    }

    /** Reads every page, delivering as it goes. @return whether the whole listing was read */
    private boolean list(Delivery delivery) {
        SearchQuery query = new SearchQuery(configuration.getFilter(), configuration.getAttributes(),
                configuration.getExcludedAttributes(), 1, configuration.getPageSize());
        boolean[] stopped = { false };
        resourceClient().forEachPage(query, page -> {
            statistics.pageRead();
            for (ScimResource resource : page.resources()) {
                if (delivery.full() || !isBatchAllowed()) {
                    stopped[0] = true;
                    return false;
                }
                delivery.seen.add(resource.id());
                if (state == null) {
                    delivery.offer(resource, null);
                } else {
                    KnownResource known = state.get(resource.id());
                    Change change = detector.detect(resource, known);
                    if (change != null) {
                        delivery.offer(change.resource(), change);
                    } else {
                        state.keep(resource.id());
                    }
                }
            }
            if (state != null) {
                state.flushIfDue();
            }
            return true;
        });
        return !stopped[0];
    }

    /** Known resources the listing no longer shows: deactivated (users) or deleted. */
    private void deliverRemovals(Delivery delivery) {
        try {
            deliverEachRemoval(delivery);
        } finally {
            state.flush();
        }
    }

    private void deliverEachRemoval(Delivery delivery) {
        Set<String> gone = new HashSet<>();
        state.forEachKnown((id, removed) -> {
            if (!removed && !delivery.seen.contains(id)) {
                gone.add(id);
            }
        });
        for (String id : gone) {
            if (delivery.full() || !isBatchAllowed()) {
                return;
            }
            KnownResource known = state.get(id);
            if (known != null) {
                Change change = removal(id, known);
                delivery.offer(change.resource(), change);
            }
        }
    }

    private Change removal(String id, KnownResource known) {
        if (!configuration.isResolveRemoved()) {
            return detector.removed(id, known);
        }
        try {
            ScimResource byId = resourceClient().get(id).resource();
            boolean inactiveUser = byId instanceof ScimUser user && Boolean.FALSE.equals(user.active());
            // Still there and active: it no longer matches the consumer's filter, which is a removal all the same.
            return inactiveUser ? detector.deactivated(id, known, byId) : detector.removed(id, known);
        } catch (ScimNotFoundException e) {
            return detector.deleted(id, known);
        }
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int processed = 0;
        while (!exchanges.isEmpty()) {
            Exchange exchange = (Exchange) exchanges.poll();
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Change change = exchange.getProperty(CHANGE, Change.class);
            if (exchange.getException() != null || exchange.isRollbackOnly()) {
                // Not committed: the same change is delivered again on the next poll.
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Delivering a Lucid change failed; it will be delivered "
                                                          + "again on the next poll", exchange,
                            exchange.getException());
                }
            } else if (change != null) {
                state.commit(change.id(), change.remember());
            }
            releaseExchange(exchange, false);
            processed++;
        }
        return processed;
    }

    private ScimResourceClient<? extends ScimResource> resourceClient() {
        return endpoint.getResource() == LucidScimResource.users ? endpoint.getClient().users()
                : endpoint.getClient().groups();
    }

    private String trackedAttributes() {
        if (configuration.getTrackedAttributes() != null) {
            return configuration.getTrackedAttributes();
        }
        return endpoint.getResource() == LucidScimResource.users ? TrackedAttributes.USER_DEFAULT
                : TrackedAttributes.GROUP_DEFAULT;
    }

    /**
     * Delivers exchanges one behind the listing, so that the last exchange of a poll can be marked complete with the
     * poll's size, without holding more than one resource.
     */
    private final class Delivery {
        private final Set<String> seen = new HashSet<>();
        private Exchange held;
        private int count;

        boolean full() {
            return getMaxMessagesPerPoll() > 0 && count >= getMaxMessagesPerPoll();
        }

        void offer(ScimResource body, Change change) {
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID, body.id() != null ? body.id()
                    : change.id());
            if (change != null) {
                describe(exchange, change);
                statistics.changeFound(change.type());
            }
            exchange.setProperty(Exchange.BATCH_INDEX, count);
            count++;
            deliverHeld(false);
            held = exchange;
        }

        void finish() throws Exception {
            deliverHeld(true);
            if (state != null) {
                state.flush();
            }
        }

        private void deliverHeld(boolean last) {
            if (held == null) {
                return;
            }
            Exchange exchange = held;
            held = null;
            exchange.setProperty(Exchange.BATCH_SIZE, last ? count : (int) exchange.getProperty(Exchange.BATCH_INDEX)
                                                                         + 1);
            exchange.setProperty(Exchange.BATCH_COMPLETE, last);
            Queue<Object> one = new ArrayDeque<>(1);
            one.add(exchange);
            try {
                processBatch(one);
            } catch (Exception e) {
                getExceptionHandler().handleException(e);
            }
        }

        private void describe(Exchange exchange, Change change) {
            exchange.setProperty(CHANGE, change);
            exchange.getMessage().setHeader(LucidScimConstants.CHANGE_TYPE, change.type().name());
            exchange.getMessage().setHeader(LucidScimConstants.CHANGE_ID, change.changeId());
            exchange.getMessage().setHeader(LucidScimConstants.CHANGED_ATTRIBUTES, change.changedAttributes());
            if (change.previous() != null) {
                exchange.getMessage().setHeader(LucidScimConstants.PREVIOUS, change.previous());
            }
            if (endpoint.getResource() == LucidScimResource.groups) {
                exchange.getMessage().setHeader(LucidScimConstants.MEMBERS_ADDED, change.membersAdded());
                exchange.getMessage().setHeader(LucidScimConstants.MEMBERS_REMOVED, change.membersRemoved());
            }
        }
    }
}
