package dev.lucidscim.camel.consumer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimConsumerMode;
import dev.lucidscim.camel.LucidScimEndpoint;
import dev.lucidscim.camel.LucidScimResource;
import dev.lucidscim.camel.state.ConsumerState;
import dev.lucidscim.camel.state.KnownResource;
import dev.lucidscim.client.FilteredResultCap;
import dev.lucidscim.client.Listing;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.error.ScimAuthenticationException;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.error.ScimRateLimitedException;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lucid's directory as a scheduled poll: one exchange per resource, body the typed resource. In {@code changes} mode
 * only what changed since the last poll is emitted ({@code CamelLucidScimChangeType}: created, updated, removed or,
 * with resolveRemoved, deactivated or deleted; reactivated), and the new state of a resource is committed only after
 * its exchange succeeded: a failed change is emitted again on the next poll, and nothing else is.
 * <p>
 * A poll reads the listing page by page, keeping ids and fingerprints of everything and the resources that changed,
 * then delivers those as one batch, as Camel's batch consumers do: every exchange carries {@code CamelBatchIndex},
 * the poll's {@code CamelBatchSize} and {@code CamelBatchComplete} (true on the last), which the aggregator's
 * completionFromBatchConsumer needs on every exchange. So a poll holds its changes in memory until it delivers them:
 * the first poll of a directory holds the whole directory; {@code maxMessagesPerPoll} bounds that (the rest follows on
 * the next polls). Removals can only be known once the whole listing was read; a poll cut short (maxMessagesPerPoll,
 * shutdown, a failure) leaves them for the next one. A filtered listing that reached Lucid's cap on a filtered query
 * ({@link FilteredResultCap}) is not whole either: the matches beyond the cap are not removed, so it reports no
 * removals, with a WARN.
 */
@ManagedResource(description = "Managed lucid-scim consumer")
public class LucidScimConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(LucidScimConsumer.class);

    private final LucidScimEndpoint endpoint;
    private final LucidScimConfiguration configuration;
    private final PollPause pause;
    private final PollStatistics statistics;
    private ConsumerState state;
    private ChangeDetector detector;
    /** The ids the current poll listed, for its removals. */
    private Set<String> listed;

    public LucidScimConsumer(LucidScimEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.pause = new PollPause(Duration.ofMillis(endpoint.getDelay()));
        this.statistics = new PollStatistics(pause);
    }

    @Override
    protected void doStart() throws Exception {
        if (configuration.getMode() == LucidScimConsumerMode.CHANGES) {
            state = new ConsumerState(endpoint.stateRepository(), endpoint.stateNamespace());
            // Read at every start: a cluster member taking over continues from the committed state.
            state.load();
            detector = new ChangeDetector(TrackedAttributes.of(trackedAttributes()),
                    endpoint.getResource().type().modelClass());
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
        List<Pending> pending = new ArrayList<>();
        int delivered = 0;
        statistics.pollStarted();
        try {
            boolean listedAll = list(pending);
            if (listedAll && state != null) {
                collectRemovals(pending);
            }
            pause.afterSuccess();
        } catch (ScimAuthenticationException e) {
            Duration paused = pause.afterAuthenticationFailure();
            LOG.warn("Lucid refused the bearer token while polling {}: polls are paused for {} s. Generate a new token "
                     + "under Admin > App Integration > SCIM and update bearerToken", endpoint, paused.toSeconds());
            addLastErrorDetail(HealthCheck.HTTP_RESPONSE_CODE, e.getStatus());
            throw e;
        } catch (ScimRateLimitedException e) {
            // not a failure: the poll ends early with what it found, and the next one waits
            Duration paused = pause.afterRateLimit(e.getRetryAfter());
            if (pause.cappedRequest() != null) {
                LOG.warn("Lucid rate-limited the poll of {} after {} change(s) and asked to wait {} s (Retry-After): "
                         + "the next poll waits {} s, the longest pause this consumer takes", endpoint,
                        pending.size(), pause.cappedRequest().toSeconds(), paused.toSeconds());
            } else {
                LOG.info("Lucid rate-limited the poll of {} after {} change(s): the next poll waits at least {} s",
                        endpoint, pending.size(), paused.toSeconds());
            }
        } catch (ScimException e) {
            addLastErrorDetail(HealthCheck.HTTP_RESPONSE_CODE, e.getStatus());
            throw e;
        } finally {
            // What was found before a failure is delivered all the same: each change is committed on its own.
            pending.forEach(item -> statistics.changeFound(item.change()));
            delivered = deliver(pending);
            statistics.pollEnded(delivered);
        }
        return delivered;
    }

    /** A resource to deliver, with the change it is (null in {@code all} mode). */
    private record Pending(ScimResource body, Change change) {
    }

    /**
     * Reads every page, collecting what to deliver. @return whether the whole listing was read (not cut short by
     * maxMessagesPerPoll or a shutdown, nor by Lucid's cap on a filtered query)
     */
    private boolean list(List<Pending> pending) {
        SearchQuery query = new SearchQuery(configuration.getFilter(), configuration.getAttributes(),
                configuration.getExcludedAttributes(), 1, configuration.getPageSize());
        AtomicBoolean cutShort = new AtomicBoolean();
        Set<String> listed = new HashSet<>();
        Listing listing = resourceClient().list(query, endpoint.resultCap(), page -> {
            statistics.pageRead();
            for (ScimResource resource : page.resources()) {
                if (full(pending) || !isBatchAllowed()) {
                    cutShort.set(true);
                    return false;
                }
                listed.add(resource.id());
                if (state == null) {
                    pending.add(new Pending(resource, null));
                } else {
                    Change change = detector.detect(resource, state.get(resource.id()));
                    if (change != null) {
                        pending.add(new Pending(change.resource(), change));
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
        this.listed = listed;
        if (listing.capped()) {
            LOG.warn("The poll of {} reports no removals: {}", endpoint, endpoint.resultCap().describe(query));
            return false;
        }
        return !cutShort.get();
    }

    /**
     * How the consumer tells a deactivation: a known resource the complete listing no longer shows was deactivated
     * (Lucid hides deactivated users from listings) or deleted. Without resolveRemoved it is {@code removed}; with it,
     * {@link #lookUpRemoval} reads it by id: a user returned with {@code active=false} is {@code deactivated}, a 404
     * is {@code deleted}, and one still there and active (it left the consumer's filter) is {@code removed}. A server
     * that keeps listing deactivated users (the standard dialect) shows the deactivation in the listing itself:
     * {@link ChangeDetector#detect} reports a listed user gone from {@code active=true} to false as {@code deactivated}.
     * A vanished team is {@code removed} either way ({@link #archivesGroups}).
     */
    private void collectRemovals(List<Pending> pending) {
        Set<String> gone = new HashSet<>();
        state.forEachKnown((id, removed) -> {
            if (!removed && !listed.contains(id)) {
                gone.add(id);
            }
        });
        for (String id : gone) {
            if (full(pending) || !isBatchAllowed()) {
                return;
            }
            KnownResource known = state.get(id);
            if (known != null) {
                Change change = lookUpRemoval(id, known);
                pending.add(new Pending(change.resource(), change));
            }
        }
    }

    /** The change one vanished resource is, by the rule on {@link #collectRemovals}. */
    private Change lookUpRemoval(String id, KnownResource known) {
        if (!configuration.isResolveRemoved() || archivesGroups()) {
            return detector.removed(id, known);
        }
        try {
            ScimResource byId = resourceClient().get(id).resource();
            boolean inactiveUser = byId instanceof ScimUser user && Boolean.FALSE.equals(user.active());
            return inactiveUser ? detector.deactivated(id, known, byId) : detector.removed(id, known);
        } catch (ScimNotFoundException e) {
            return detector.deleted(id, known);
        }
    }

    /**
     * Teams: a vanished team was archived (or deleted; Lucid answers 404 to both), and a create of its name restores
     * it, so it is {@code removed}, never {@code deleted}, and a restored team is {@code reactivated}.
     */
    private boolean archivesGroups() {
        return endpoint.getResource() == LucidScimResource.GROUPS
               && configuration.getIntegration().groupsArchiveOnDelete();
    }

    private boolean full(List<Pending> pending) {
        return getMaxMessagesPerPoll() > 0 && pending.size() >= getMaxMessagesPerPoll();
    }

    /**
     * One exchange per pending resource, through Camel's batch delivery; the ids they may add to the state's index are
     * journalled first, and the index is written after.
     */
    private int deliver(List<Pending> pending) {
        listed = null;
        try {
            if (state != null) {
                state.journal(pending.stream().filter(item -> item.change() != null)
                        .map(item -> item.change().id()).toList());
            }
            Queue<Object> exchanges = new ArrayDeque<>(pending.size());
            pending.forEach(item -> exchanges.add(exchangeFor(item)));
            return processBatch(exchanges);
        } finally {
            if (state != null) {
                state.flushAndCloseJournal();
            }
        }
    }

    private Exchange exchangeFor(Pending item) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(item.body());
        Change change = item.change();
        message.setHeader(LucidScimConstants.RESOURCE_ID, item.body().id() != null ? item.body().id() : change.id());
        if (change != null) {
            exchange.getExchangeExtension().addOnCompletion(new CommitOnCompletion(change));
            message.setHeader(LucidScimConstants.CHANGE_TYPE, change.type().toString());
            message.setHeader(LucidScimConstants.CHANGE_ID, change.changeId());
            message.setHeader(LucidScimConstants.CHANGED_ATTRIBUTES, change.changedAttributes());
            if (change.previous() != null) {
                message.setHeader(LucidScimConstants.PREVIOUS, change.previous());
            }
            if (endpoint.getResource().hasMembers()) {
                message.setHeader(LucidScimConstants.MEMBERS_ADDED, change.membersAdded());
                message.setHeader(LucidScimConstants.MEMBERS_REMOVED, change.membersRemoved());
            }
        }
        return exchange;
    }

    /**
     * Delivers a poll's exchanges as Camel's batch consumers do: each with {@code CamelBatchIndex}, the poll's
     * {@code CamelBatchSize} and {@code CamelBatchComplete} on the last, so that EIPs reading them (the aggregator's
     * completionFromBatchConsumer) see one poll as one batch. A shutdown stops it between two exchanges.
     */
    @Override
    public int processBatch(Queue<Object> exchanges) {
        int total = exchanges.size();
        int delivered = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            releaseExchange(exchange, false);
            delivered++;
        }
        pendingExchanges = 0;
        return delivered;
    }

    /** Commits a change once its exchange completed; a failed or rolled-back one is delivered again next poll. */
    private final class CommitOnCompletion extends SynchronizationAdapter {
        private final Change change;

        CommitOnCompletion(Change change) {
            this.change = change;
        }

        @Override
        public void onComplete(Exchange exchange) {
            if (exchange.isRollbackOnly()) {
                return;
            }
            try {
                state.commit(change.id(), change.remember());
            } catch (RuntimeException e) {
                // Camel would log and drop it without saying what follows for the change
                LOG.warn("The change {} was delivered but could not be committed to the state repository ({}): it "
                         + "will be delivered again on the next poll, with the same {}", change.changeId(),
                        e.getMessage(), LucidScimConstants.CHANGE_ID);
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Delivering a Lucid change failed; it will be delivered "
                                                      + "again on the next poll", exchange, exchange.getException());
            }
        }
    }

    private ScimResourceClient<? extends ScimResource> resourceClient() {
        return endpoint.getResource().clientIn(endpoint.getClient());
    }

    private String trackedAttributes() {
        if (configuration.getTrackedAttributes() != null) {
            return configuration.getTrackedAttributes();
        }
        return endpoint.getResource().defaultTrackedAttributes();
    }
}
