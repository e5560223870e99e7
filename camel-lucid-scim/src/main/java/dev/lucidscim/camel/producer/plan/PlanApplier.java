package dev.lucidscim.camel.producer.plan;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.audit.AuditScope;
import dev.lucidscim.camel.producer.AttributeConvergence;
import dev.lucidscim.camel.producer.reconcile.ReconcileItem;
import dev.lucidscim.camel.state.DeactivatedUsers;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.ScimResponse;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.error.ScimPreconditionFailedException;
import dev.lucidscim.model.AttributePath;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.plan.ChangePlan;
import dev.lucidscim.plan.PlannedChange;
import org.apache.camel.spi.ExecutorServiceManager;

/**
 * Applies a {@link ChangePlan}: the one path of every planned write (reconcile without dry run, apply, approve). It
 * refuses, before any request, a plan of another tenant, one older than {@code maxPlanAge} or one holding a password
 * ({@link PlanChecks}); then each write goes only if its resource did not move since it was planned
 * ({@link Preconditions}: {@code If-Match}, or a read and a compare), else it is skipped and reported, never
 * overwritten. Writes run {@code reconcileConcurrency} at a time (the rate limit applies to each): first the users,
 * each once the create of its manager (when the plan holds it) has ended, creates others wait for queued first; then
 * the groups, with the members the plan creates by their new ids. A write that fails or is skipped does not stop the
 * others. Deactivations are remembered so that a later roster holding the person reactivates them, and what an answer
 * shows the tenant did not keep is left out of later writes ({@link AttributeConvergence}).
 */
public final class PlanApplier {

    private final PlanWriter writer;
    private final Preconditions preconditions;
    private final DeactivatedUsers memory;
    private final AttributeConvergence convergence;
    private final LucidScimConfiguration configuration;
    private final String tenantHost;
    private final ExecutorServiceManager threads;
    private final Clock clock;

    /**
     * @param memberships how group writes go: members in chunks, creates confirmed
     * @param tenantHost  the endpoint's tenant: a plan of another one is refused
     * @param threads     where each run gets its pool of {@code reconcileConcurrency} writers
     */
    public PlanApplier(ScimResourceClient<ScimUser> users, ScimResourceClient<ScimGroup> groups,
                       GroupMembershipPatches memberships, DeactivatedUsers memory, AttributeConvergence convergence,
                       TenantVersions versions, LucidScimConfiguration configuration, String tenantHost,
                       ExecutorServiceManager threads, Clock clock) {
        this.writer = new PlanWriter(users, memberships);
        this.preconditions = new Preconditions(users, groups, versions);
        this.memory = memory;
        this.convergence = convergence;
        this.configuration = configuration;
        this.tenantHost = tenantHost;
        this.threads = threads;
        this.clock = clock;
    }

    /** The endpoint's tenant, as plans name it. */
    public String tenantHost() {
        return tenantHost;
    }

    /**
     * @throws dev.lucidscim.error.ScimValidationException for a plan of another tenant, too old, or that may not be
     *                                                     applied for another reason ({@link PlanChecks})
     */
    public void requireApplicable(ChangePlan plan) {
        PlanChecks.requireApplicable(plan, tenantHost, Duration.ofMillis(configuration.getMaxPlanAge()),
                clock.instant());
    }

    /**
     * Checks the plan, then applies it; the run's id is the plan's.
     *
     * @param origin whether the plan was just made by this run or is a stored one (read before written)
     * @return one outcome per change of the plan, in its order
     * @throws dev.lucidscim.error.ScimValidationException before any request, for a plan that may not be applied
     */
    public List<AppliedChange> apply(ChangePlan plan, PlanOrigin origin) throws InterruptedException {
        requireApplicable(plan);
        List<PlannedChange> userChanges = plan.changes().stream().filter(PlanApplier::isUser).toList();
        List<PlannedChange> groupChanges = plan.changes().stream().filter(change -> !isUser(change)).toList();
        PendingIds created = new PendingIds();
        Map<PlannedChange, AppliedChange> outcomes = new IdentityHashMap<>();
        // from Camel's thread pools: named, listed with the context's, and shut down with it if a run is cut short
        ExecutorService pool = threads.newFixedThreadPool(this, "LucidScimReconcile",
                Math.max(1, configuration.getReconcileConcurrency()));
        // the plan is a run of its own in the ledger, and its writes on the workers are recorded in it
        AuditScope run = AuditScope.current().forPlan(plan.id());
        Executor workers = AuditScope.carriedTo(pool);
        try {
            run.within(() -> {
                outcomes.putAll(applyUsers(userChanges, created, origin, workers));
                Set<String> failedCreates = userChanges.stream()
                        .filter(change -> change.action().equals("create")
                                          && outcomes.get(change).result() != ReconcileItem.Result.APPLIED)
                        .map(change -> change.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
                outcomes.putAll(applyGroups(groupChanges, created, failedCreates, origin, workers));
            });
        } finally {
            threads.shutdownNow(pool);
        }
        return plan.changes().stream().map(outcomes::get).toList();
    }

    /**
     * Each write starts as soon as a worker is free and, when it waits for a manager created in this run, that
     * create has ended: no write waits for anything else, so no worker idles while a write could go.
     */
    private Map<PlannedChange, AppliedChange> applyUsers(List<PlannedChange> changes, PendingIds created,
                                                         PlanOrigin origin, Executor workers)
            throws InterruptedException {
        Map<String, PlannedChange> createOf = new HashMap<>();
        changes.stream().filter(change -> change.action().equals("create"))
                .forEach(change -> createOf.put(change.name().toLowerCase(Locale.ROOT), change));
        Set<String> awaited = changes.stream().map(PlannedChange::pendingManager).filter(name -> name != null)
                .map(name -> name.toLowerCase(Locale.ROOT)).filter(createOf::containsKey).collect(Collectors.toSet());
        List<PlannedChange> queued = new ArrayList<>(changes);
        queued.sort(Comparator.comparing(change -> !awaited.contains(change.name().toLowerCase(Locale.ROOT))));
        ProgressLog progress = new ProgressLog(changes.size());
        Map<PlannedChange, CompletableFuture<AppliedChange>> started = new IdentityHashMap<>();
        queued.forEach(change -> start(change, createOf, started, new RunState(created, origin, progress), workers));
        Map<PlannedChange, AppliedChange> results = new IdentityHashMap<>();
        for (PlannedChange change : changes) {
            results.put(change, outcome(started.get(change), change));
        }
        return results;
    }

    /** Starts the write after the create of its manager when the plan holds it (a plan has no cycles). */
    private CompletableFuture<AppliedChange> start(PlannedChange change, Map<String, PlannedChange> createOf,
                                                   Map<PlannedChange, CompletableFuture<AppliedChange>> started,
                                                   RunState run, Executor workers) {
        CompletableFuture<AppliedChange> known = started.get(change);
        if (known != null) {
            return known;
        }
        PlannedChange manager = change.pendingManager() == null ? null
                : createOf.get(change.pendingManager().toLowerCase(Locale.ROOT));
        CompletableFuture<?> managerCreated = manager == null ? CompletableFuture.completedFuture(null)
                : start(manager, createOf, started, run, workers);
        // whether the manager's create worked or not, the write goes (withManager tells which)
        CompletableFuture<AppliedChange> applied = managerCreated.handle((done, failure) -> null)
                .thenApplyAsync(ignored -> {
                    AppliedChange outcome = applyUser(change, run.created(), run.origin());
                    run.progress().oneDone();
                    return outcome;
                }, workers);
        started.put(change, applied);
        return applied;
    }

    private AppliedChange applyUser(PlannedChange planned, PendingIds created, PlanOrigin origin) {
        String note = null;
        PlannedChange change = planned;
        if (planned.pendingManager() != null) {
            String managerId = created.idOf(planned.pendingManager());
            change = PendingIds.withManager(planned, managerId);
            if (managerId == null) {
                note = "manager not set: creating " + OneLine.quoted(planned.pendingManager())
                       + " failed; the next run sets it";
                if (!change.action().equals("create") && change.operations().isEmpty()) {
                    return AppliedChange.failed(planned, "only the manager was to change, and creating the manager "
                                                         + "failed");
                }
            }
        }
        AppliedChange outcome = write(change, origin);
        if (outcome.result() == ReconcileItem.Result.APPLIED && change.action().equals("create")
            && outcome.id() != null) {
            created.created(change.name(), outcome.id());
        }
        return note == null ? outcome : outcome.withNote(note, false);
    }

    private Map<PlannedChange, AppliedChange> applyGroups(List<PlannedChange> changes, PendingIds created,
                                                          Set<String> failedCreates, PlanOrigin origin,
                                                          Executor workers)
            throws InterruptedException {
        Map<PlannedChange, CompletableFuture<AppliedChange>> started = new IdentityHashMap<>();
        for (PlannedChange change : changes) {
            // someone of the group failed: their account may be in it under a name the plan could not match
            boolean onlyAdd = change.pendingMembers().stream()
                    .anyMatch(name -> failedCreates.contains(name.toLowerCase(Locale.ROOT)));
            started.put(change, CompletableFuture.supplyAsync(() -> {
                AppliedChange outcome = write(created.withMembers(change, onlyAdd), origin);
                return onlyAdd ? outcome.withNote(outcome.note(), true) : outcome;
            }, workers));
        }
        Map<PlannedChange, AppliedChange> results = new IdentityHashMap<>();
        for (PlannedChange change : changes) {
            results.put(change, outcome(started.get(change), change));
        }
        return results;
    }

    /** One write, when its precondition holds; its outcome, with what follows from it remembered. */
    private AppliedChange write(PlannedChange change, PlanOrigin origin) {
        try {
            Preconditions.Decision decision = preconditions.decide(change, origin);
            if (decision.skipped()) {
                return AppliedChange.skipped(change, decision.skipReason());
            }
            if (isUser(change) && change.operations().isEmpty() && !change.action().equals("create")) {
                return AppliedChange.failed(change, "nothing to send");
            }
            ScimResponse<? extends ScimResource> answer = writer.send(change, decision.ifMatch());
            return applied(change, answer);
        } catch (ScimPreconditionFailedException e) {
            return AppliedChange.skipped(change, "changed at Lucid since it was planned (412 to If-Match "
                                                 + OneLine.quoted(String.valueOf(change.version()))
                                                 + "): not written");
        } catch (ScimNotFoundException e) {
            if (change.action().equals("reactivate")) {
                // the remembered account was deleted meanwhile: the next run creates the person
                memory.forget(change.id());
            }
            return AppliedChange.failed(change, e.getMessage());
        } catch (ScimException e) {
            return AppliedChange.failed(change, e.getMessage());
        }
    }

    private AppliedChange applied(PlannedChange change, ScimResponse<? extends ScimResource> answer) {
        ScimResource resource = answer.resource();
        String id = change.id() != null ? change.id() : resource == null ? null : resource.id();
        List<String> notKept = List.of();
        if (isUser(change)) {
            ScimUser answered = (ScimUser) resource;
            switch (change.action()) {
                case "create" -> notKept = convergence.notKeptAfterCreate(
                        ScimJson.convert(change.resource(), ScimUser.class), answered);
                case "deactivate" -> memory.remember(id, change.name(),
                        answered == null ? null : answered.externalId());
                case "reactivate" -> {
                    memory.forget(id);
                    notKept = notKept(change, answered);
                }
                default -> notKept = notKept(change, answered);
            }
        }
        return new AppliedChange(change, ReconcileItem.Result.APPLIED, id, null, null, notKept, false);
    }

    /** The written paths the answer holds at other values: the user the operations describe, compared. */
    private List<String> notKept(PlannedChange change, ScimUser answered) {
        ObjectNode written = JsonNodeFactory.instance.objectNode();
        for (PatchOperation operation : change.operations()) {
            if (operation.op() == PatchOperation.Op.REMOVE || operation.path() == null) {
                continue;
            }
            // a whole extension (urn:...:lucid:2.0:User) is a top-level attribute, not a path inside one
            if (operation.path().startsWith("urn:") && operation.path().endsWith(":User")) {
                written.set(operation.path(), ScimJson.toTree(operation.value()));
            } else {
                AttributePath.of(operation.path()).copyTo(written, ScimJson.toTree(operation.value()));
            }
        }
        return convergence.notKeptAfterPatch(change.operations(), ScimJson.convert(written, ScimUser.class),
                answered);
    }

    /** What every user write of one run shares. */
    private record RunState(PendingIds created, PlanOrigin origin, ProgressLog progress) {
    }

    /** The write's outcome; one that threw unexpectedly ends as failed with the cause. */
    private static AppliedChange outcome(CompletableFuture<AppliedChange> write, PlannedChange change)
            throws InterruptedException {
        try {
            return write.get();
        } catch (ExecutionException e) {
            return AppliedChange.failed(change, String.valueOf(e.getCause()));
        }
    }

    private static boolean isUser(PlannedChange change) {
        return change.resourceType().equals("User");
    }
}
