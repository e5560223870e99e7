package dev.lucidscim.camel.producer.reconcile;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.state.DeactivatedUsers;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile operation: brings Lucid's users to the roster in the body with the fewest calls (one paged listing,
 * then only the writes the plan needs), after checking the roster and the deactivation threshold; the body becomes a
 * {@link ReconcileReport}. A dry run stops after the plan.
 */
public final class UserReconcile {

    private static final Logger LOG = LoggerFactory.getLogger(UserReconcile.class);

    private final ScimResourceClient<ScimUser> users;
    private final LucidScimConfiguration configuration;
    private final DeactivatedUsers memory;

    public UserReconcile(ScimResourceClient<ScimUser> users, LucidScimConfiguration configuration,
                         StateRepository<String, String> stateRepository, String stateNamespace) {
        this.users = users;
        this.configuration = configuration;
        this.memory = new DeactivatedUsers(stateRepository, stateNamespace);
    }

    public void reconcile(Exchange exchange) throws InterruptedException {
        LucidScimMatchAttribute matchAttribute = configuration.getMatchAttribute();
        List<ScimUser> roster = RosterBodies.read(exchange);
        RosterValidation.requireValid(roster, matchAttribute);
        ReconcilePlanner planner = new ReconcilePlanner(matchAttribute,
                ManagedUsers.of(configuration.getManagedUsers(), configuration.getManagedFilter()));

        Map<String, ScimUser> listed = new LinkedHashMap<>();
        Set<String> listedIds = new HashSet<>();
        int listingRequests = users.forEachPage(SearchQuery.all(configuration.getPageSize()), page -> {
            for (ScimUser user : page.resources()) {
                listedIds.add(user.id());
                String key = RosterKeys.of(user, matchAttribute);
                if (key != null) {
                    listed.putIfAbsent(key, user);
                }
            }
            return true;
        });
        ReconcilePlan plan = planner.plan(roster, listed, memory.deactivatedIds(matchAttribute, listedIds));
        ReconcileReport planned = new ReconcileReport(configuration.isDryRun(), false, plan.managedUsers(),
                listingRequests, plan.items());
        requireWithinThreshold(plan, planned);
        if (configuration.isDryRun()) {
            LOG.info("Reconcile dry run: {} write(s) planned, nothing applied", plan.writes().size());
            exchange.getMessage().setBody(planned);
            return;
        }
        Map<ReconcileItem, ReconcileItem> outcomes = new ReconcileExecutor(users, memory,
                configuration.getReconcileConcurrency()).apply(plan.writes());
        ReconcileReport report = new ReconcileReport(false, true, plan.managedUsers(), listingRequests,
                plan.items().stream().map(item -> outcomes.getOrDefault(item, item)).toList());
        LOG.info("Reconcile applied: {} write(s), {} failed", plan.writes().size(), report.failures().size());
        exchange.getMessage().setBody(report);
    }

    /** The deletion circuit breaker: too many deactivations and nothing at all is applied. */
    private void requireWithinThreshold(ReconcilePlan plan, ReconcileReport planned) {
        long deactivations = plan.deactivations();
        double percent = plan.managedUsers() == 0 ? 0 : 100.0 * deactivations / plan.managedUsers();
        Integer maxCount = configuration.getMaxDeactivations();
        double maxPercent = configuration.getMaxDeactivationPercent();
        boolean overCount = maxCount != null && deactivations > maxCount;
        boolean overPercent = maxPercent >= 0 && percent > maxPercent && deactivations > 0;
        if (overCount || overPercent) {
            throw new ReconcileThresholdExceededException(String.format(
                    "Reconcile would deactivate %d of %d managed users (%.1f%%), more than %s allows: nothing was "
                    + "applied. Check the roster (a truncated export?), or raise the threshold if this is meant",
                    deactivations, plan.managedUsers(), percent,
                    overCount ? "maxDeactivations=" + maxCount : "maxDeactivationPercent=" + maxPercent), planned);
        }
    }
}
