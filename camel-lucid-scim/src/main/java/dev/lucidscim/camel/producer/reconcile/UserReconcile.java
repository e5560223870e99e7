package dev.lucidscim.camel.producer.reconcile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.audit.AuditScope;
import dev.lucidscim.camel.producer.AttributeConvergence;
import dev.lucidscim.camel.state.DeactivatedUsers;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile operation: brings Lucid's users, their managers and the roster's groups to the roster in the body
 * with the fewest calls (one paged listing of the users, one of the groups when the roster has groups, then only the
 * writes the plan needs), after checking the roster and the deletion breaker; the body becomes a
 * {@link ReconcileReport}. A dry run stops after the plan. Attributes the tenant does not keep
 * ({@link AttributeConvergence}) are left out of the roster's users before the plan, and a write that finds more
 * adds them for the next run.
 */
public final class UserReconcile {

    private static final Logger LOG = LoggerFactory.getLogger(UserReconcile.class);

    private final ScimResourceClient<ScimUser> users;
    private final ScimResourceClient<ScimGroup> groups;
    private final GroupMembershipPatches memberships;
    private final LucidScimConfiguration configuration;
    private final DeactivatedUsers memory;
    private final AttributeConvergence convergence;
    private final ExecutorServiceManager threads;

    /**
     * @param memberships how group writes go: members in chunks, creates confirmed
     * @param threads     where each run gets its pool of {@code reconcileConcurrency} writers
     */
    public UserReconcile(ScimResourceClient<ScimUser> users, ScimResourceClient<ScimGroup> groups,
                         GroupMembershipPatches memberships,
                         LucidScimConfiguration configuration, StateRepository<String, String> stateRepository,
                         String stateNamespace, AttributeConvergence convergence, ExecutorServiceManager threads) {
        this.users = users;
        this.groups = groups;
        this.memberships = memberships;
        this.configuration = configuration;
        this.memory = new DeactivatedUsers(stateRepository, stateNamespace);
        this.convergence = convergence;
        this.threads = threads;
    }

    public void reconcile(Exchange exchange) throws InterruptedException {
        LucidScimMatchAttribute matchAttribute = configuration.getMatchAttribute();
        ReconcileRoster given = RosterBodies.read(exchange);
        RosterValidation.requireValid(given, matchAttribute);
        ReconcileRoster roster = new ReconcileRoster(convergence.withoutIgnored(given.users()),
                given.managers(), given.groups());
        ReconcilePlanner planner = new ReconcilePlanner(matchAttribute,
                ManagedUsers.of(configuration.getManagedUsers(), configuration.getManagedFilter()));
        GroupPlanner groupPlanner = new GroupPlanner(matchAttribute, excludedGroups());

        // Lucid hides deactivated users from listings; a standard server lists them with active=false. Those are
        // deactivated users found without the memory: never deactivated again, reactivated when the roster wants.
        Map<String, ScimUser> listed = new LinkedHashMap<>();
        Map<String, String> listedDeactivated = new HashMap<>();
        Set<String> listedIds = new HashSet<>();
        Map<String, String> nameOfId = new HashMap<>();
        int listingRequests = users.forEachPage(SearchQuery.all(configuration.getPageSize()), page -> {
            for (ScimUser user : page.resources()) {
                nameOfId.put(user.id(), user.userName());
                String key = RosterKeys.of(user, matchAttribute);
                if (Boolean.FALSE.equals(user.active())) {
                    if (key != null) {
                        listedDeactivated.putIfAbsent(key, user.id());
                    }
                    continue;
                }
                listedIds.add(user.id());
                if (key != null) {
                    listed.putIfAbsent(key, user);
                }
            }
            return true;
        });
        Map<String, String> deactivated = new HashMap<>(memory.deactivatedIds(matchAttribute, listedIds));
        deactivated.putAll(listedDeactivated);
        Map<String, String> idsByKey = new ConcurrentHashMap<>(deactivated);
        listed.forEach((key, user) -> idsByKey.put(key, user.id()));
        Map<String, ScimGroup> listedGroups = new HashMap<>();
        if (!roster.groups().isEmpty()) {
            listingRequests += listGroups(roster.groups(), listedGroups);
        }

        AuditScope.current().knowBefore(listed.values());
        AuditScope.current().knowBefore(listedGroups.values());
        ReconcilePlan plan = planner.plan(roster, listed, deactivated);
        plan = plan.withGroups(groupPlanner.plan(roster.groups(), listedGroups, idsByKey::get, Set.of(), nameOfId),
                groupPlanner.membershipsBefore(roster.groups(), listedGroups));
        ReconcileReport planned = new ReconcileReport(configuration.isDryRun(), false, plan.managedUsers(),
                listingRequests, plan.items(), plan.groups().stream().map(PlannedGroup::item).toList(),
                convergence.known());
        DeletionBreaker.requireWithinThreshold(plan, planned, configuration);
        if (configuration.isDryRun()) {
            LOG.info("Reconcile dry run: {} write(s) planned, nothing applied", planned.plannedWrites());
            exchange.getMessage().setBody(planned);
            return;
        }
        Map<ReconcileItem, ReconcileItem> outcomes;
        List<PlannedGroup> groupWrites;
        Map<GroupReconcileItem, GroupReconcileItem> groupOutcomes;
        // from Camel's thread pools: named, listed with the context's, and shut down with it if a run is cut short
        ExecutorService workers = threads.newFixedThreadPool(this, "LucidScimReconcile",
                Math.max(1, configuration.getReconcileConcurrency()));
        try {
            ReconcileExecutor executor = new ReconcileExecutor(users, memberships, memory, convergence,
                    AuditScope.carriedTo(workers));
            outcomes = executor.applyUsers(plan.writes(), idsByKey);
            Set<String> failedKeys = outcomes.values().stream()
                    .filter(item -> item.result() == ReconcileItem.Result.FAILED).map(ReconcileItem::matchValue)
                    .collect(Collectors.toSet());
            // with every id known now, and the people who failed
            groupWrites = groupPlanner.plan(roster.groups(), listedGroups, idsByKey::get, failedKeys, nameOfId);
            groupOutcomes = executor.applyGroups(groupWrites);
        } finally {
            threads.shutdownNow(workers);
        }
        ReconcileReport report = new ReconcileReport(false, true, plan.managedUsers(), listingRequests,
                plan.items().stream().map(item -> outcomes.getOrDefault(item, item)).toList(),
                groupWrites.stream().map(group -> groupOutcomes.getOrDefault(group.item(), group.item())).toList(),
                convergence.known());
        LOG.info("Reconcile applied: {} write(s), {} failed", report.plannedWrites(), report.failures().size());
        exchange.getMessage().setBody(report);
    }

    /**
     * One listing of Lucid's groups, by displayName; a roster group listed without its members (servers may leave
     * them out of listings) is read by id.
     *
     * @return the number of requests made
     */
    private int listGroups(List<RosterGroup> rosterGroups, Map<String, ScimGroup> byName) {
        int requests = groups.forEachPage(SearchQuery.all(configuration.getPageSize()), page -> {
            page.resources().forEach(group -> byName.putIfAbsent(group.displayName(), group));
            return true;
        });
        Set<String> excluded = excludedGroups();
        for (RosterGroup wanted : rosterGroups) {
            ScimGroup listedGroup = byName.get(wanted.displayName());
            if (listedGroup != null && listedGroup.members() == null && !excluded.contains(wanted.displayName())) {
                byName.put(wanted.displayName(), groups.get(listedGroup.id()).resource());
                requests++;
            }
        }
        return requests;
    }

    private Set<String> excludedGroups() {
        String names = configuration.getExcludedGroups();
        return names == null ? Set.of() : Arrays.stream(names.split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
