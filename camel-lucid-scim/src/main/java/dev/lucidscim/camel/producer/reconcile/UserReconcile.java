package dev.lucidscim.camel.producer.reconcile;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.audit.AuditScope;
import dev.lucidscim.camel.producer.AttributeConvergence;
import dev.lucidscim.camel.producer.plan.AppliedChange;
import dev.lucidscim.camel.producer.plan.PlanApplier;
import dev.lucidscim.camel.producer.plan.PlanGate;
import dev.lucidscim.camel.producer.plan.PlanOrigin;
import dev.lucidscim.camel.producer.plan.PlanReports;
import dev.lucidscim.camel.state.DeactivatedUsers;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.model.Passwords;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.plan.CanonicalJson;
import dev.lucidscim.plan.ChangePlan;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile operation: brings Lucid's users, their managers and the roster's groups to the roster in the body
 * with the fewest calls (one paged listing of the users, one of the groups when the roster has groups, then only the
 * writes the plan needs), after checking the roster and the deletion breaker; the body becomes a
 * {@link ReconcileReport}. The writes are a {@link ChangePlan} ({@link ChangePlanBuilder}), applied through the
 * {@link PlanApplier} as any plan is; a dry run stops after the plan and returns it in its report, a tripped breaker
 * stores it for approval ({@link PlanGate}). Attributes the tenant does not keep
 * ({@link AttributeConvergence}) are left out of the roster's users before the plan, and a write that finds more
 * adds them for the next run.
 */
public final class UserReconcile {

    private static final Logger LOG = LoggerFactory.getLogger(UserReconcile.class);

    private final ScimResourceClient<ScimUser> users;
    private final ScimResourceClient<ScimGroup> groups;
    private final LucidScimConfiguration configuration;
    private final DeactivatedUsers memory;
    private final AttributeConvergence convergence;
    private final PlanApplier applier;
    private final PlanGate gate;
    private final ChangePlanBuilder plans;

    /**
     * @param memory  the deactivated users this component remembers (shared with the applier, which adds to it)
     * @param applier where the plan's writes go, as every plan's do
     * @param gate    the deletion breaker, which stores a tripped plan for approval
     */
    public UserReconcile(ScimResourceClient<ScimUser> users, ScimResourceClient<ScimGroup> groups,
                         LucidScimConfiguration configuration, DeactivatedUsers memory,
                         AttributeConvergence convergence, PlanApplier applier, PlanGate gate, Clock clock) {
        this.users = users;
        this.groups = groups;
        this.configuration = configuration;
        this.memory = memory;
        this.convergence = convergence;
        this.applier = applier;
        this.gate = gate;
        this.plans = new ChangePlanBuilder(clock);
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
        Map<String, String> idsByKey = new HashMap<>(deactivated);
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
        ChangePlan changePlan = plans.build(plan, listedGroups, nameOfId, applier.tenantHost(),
                CanonicalJson.sha256(Passwords.remove(ScimJson.toTree(given))));
        ReconcileReport planned = new ReconcileReport(configuration.isDryRun(), false, plan.managedUsers(),
                listingRequests, plan.items(), plan.groups().stream().map(PlannedGroup::item).toList(),
                convergence.known(), changePlan);
        gate.requireWithinThreshold(changePlan, () -> planned, !configuration.isDryRun(), exchange.getMessage());
        if (configuration.isDryRun()) {
            LOG.info("Reconcile dry run: {} write(s) planned, nothing applied (plan {})", planned.plannedWrites(),
                    changePlan.id());
            exchange.getMessage().setBody(planned);
            return;
        }
        List<AppliedChange> outcomes = applier.apply(changePlan, PlanOrigin.THIS_RUN);
        // the plan holds the user writes in order, then the group writes in order
        Map<ReconcileItem, AppliedChange> userOutcomes = new IdentityHashMap<>();
        for (int i = 0; i < plan.writes().size(); i++) {
            userOutcomes.put(plan.writes().get(i).item(), outcomes.get(i));
        }
        List<PlannedGroup> groupWrites = plan.groups().stream().filter(PlannedGroup::isWrite).toList();
        Map<GroupReconcileItem, AppliedChange> groupOutcomes = new IdentityHashMap<>();
        for (int i = 0; i < groupWrites.size(); i++) {
            groupOutcomes.put(groupWrites.get(i).item(), outcomes.get(plan.writes().size() + i));
        }
        ReconcileReport report = new ReconcileReport(false, true, plan.managedUsers(), listingRequests,
                plan.items().stream().map(item -> userOutcomes.containsKey(item)
                        ? PlanReports.withOutcome(item, userOutcomes.get(item)) : item).toList(),
                plan.groups().stream().map(PlannedGroup::item).map(group -> groupOutcomes.containsKey(group)
                        ? PlanReports.withOutcome(group, groupOutcomes.get(group)) : group).toList(),
                convergence.known(), null);
        LOG.info("Reconcile applied: {} write(s), {} failed, {} skipped", report.plannedWrites(),
                report.failures().size(), report.skipped().size());
        exchange.getMessage().setHeader(LucidScimConstants.RUN_ID, changePlan.id());
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
