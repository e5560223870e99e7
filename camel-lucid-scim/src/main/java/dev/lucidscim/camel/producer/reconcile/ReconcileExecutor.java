package dev.lucidscim.camel.producer.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.lucidscim.camel.producer.AttributeConvergence;
import dev.lucidscim.camel.producer.ConfirmedCreate;
import dev.lucidscim.camel.state.DeactivatedUsers;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimUser;

/**
 * Applies a plan's writes, a bounded number at a time (the tenant's rate limit still applies to each), one request
 * per write: first the people, each written once the create of their manager (when that is in the same run) has
 * ended, then the groups, whose members are then all known. A write that fails is reported and does not stop the others.
 * Deactivations are remembered, so that a later roster holding the person again reactivates them. A create, update or
 * reactivation whose answer shows an attribute not kept reports it in its item, and the next run leaves it out
 * ({@link AttributeConvergence}).
 */
final class ReconcileExecutor {

    private final ScimResourceClient<ScimUser> users;
    private final GroupMembershipPatches groups;
    private final ConfirmedCreate<ScimUser> creates;
    private final DeactivatedUsers memory;
    private final AttributeConvergence convergence;
    private final Executor workers;

    /** @param workers the threads writes run on, as many as may be in flight; owned and shut down by the caller */
    ReconcileExecutor(ScimResourceClient<ScimUser> users, GroupMembershipPatches groups,
                      DeactivatedUsers memory, AttributeConvergence convergence, Executor workers) {
        this.users = users;
        this.groups = groups;
        this.creates = ConfirmedCreate.users(users);
        this.memory = memory;
        this.convergence = convergence;
        this.workers = workers;
    }

    /**
     * Each write starts as soon as a worker is free and, when it waits for a manager created in this run, that
     * create has ended: no write waits for anything else, so no worker idles while a write could go. The creates
     * that others wait for are queued first.
     *
     * @param idsByKey Lucid ids by match key, known before the run; the ids of the people created are added
     * @return every planned user item as it ended (applied or failed)
     */
    Map<ReconcileItem, ReconcileItem> applyUsers(List<PlannedWrite> writes, Map<String, String> idsByKey)
            throws InterruptedException {
        Map<String, PlannedWrite> createOf = new HashMap<>();
        writes.stream().filter(write -> write.item().action() == ReconcileAction.CREATE)
                .forEach(write -> createOf.put(write.item().matchValue(), write));
        Set<String> awaited = writes.stream().map(PlannedWrite::pendingManager).filter(createOf::containsKey)
                .collect(Collectors.toSet());
        List<PlannedWrite> queued = new ArrayList<>(writes);
        queued.sort(Comparator.comparing(write -> !awaited.contains(write.item().matchValue())));

        ProgressLog progress = new ProgressLog(writes.size());
        Map<PlannedWrite, CompletableFuture<ReconcileItem>> started = new IdentityHashMap<>();
        queued.forEach(write -> start(write, createOf, started, idsByKey, progress));
        Map<ReconcileItem, ReconcileItem> results = new IdentityHashMap<>();
        for (PlannedWrite write : writes) {
            results.put(write.item(), outcome(started.get(write),
                    cause -> write.item().withResult(ReconcileItem.Result.FAILED, null, cause)));
        }
        return results;
    }

    /** Starts the write after the create of its manager when that is in this run (the planner left no cycles). */
    private CompletableFuture<ReconcileItem> start(PlannedWrite write, Map<String, PlannedWrite> createOf,
                                                   Map<PlannedWrite, CompletableFuture<ReconcileItem>> started,
                                                   Map<String, String> idsByKey, ProgressLog progress) {
        CompletableFuture<ReconcileItem> known = started.get(write);
        if (known != null) {
            return known;
        }
        PlannedWrite manager = write.pendingManager() == null ? null : createOf.get(write.pendingManager());
        CompletableFuture<?> managerCreated = manager == null ? CompletableFuture.completedFuture(null)
                : start(manager, createOf, started, idsByKey, progress);
        // whether the manager's create worked or not, the write goes (resolveManager tells which)
        CompletableFuture<ReconcileItem> applied = managerCreated.handle((created, failure) -> null)
                .thenApplyAsync(ignored -> {
                    ReconcileItem outcome = applyOne(resolveManager(write, idsByKey), idsByKey);
                    progress.oneDone();
                    return outcome;
                }, workers);
        started.put(write, applied);
        return applied;
    }

    /** @return every planned group item as it ended */
    Map<GroupReconcileItem, GroupReconcileItem> applyGroups(List<PlannedGroup> planned) throws InterruptedException {
        List<PlannedGroup> writes = planned.stream().filter(PlannedGroup::isWrite).toList();
        List<CompletableFuture<GroupReconcileItem>> started = new ArrayList<>();
        writes.forEach(group -> started.add(CompletableFuture.supplyAsync(() -> applyGroup(group), workers)));
        Map<GroupReconcileItem, GroupReconcileItem> results = new IdentityHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            GroupReconcileItem item = writes.get(i).item();
            results.put(item, outcome(started.get(i),
                    cause -> item.withResult(ReconcileItem.Result.FAILED, null, cause)));
        }
        return results;
    }

    private static PlannedWrite resolveManager(PlannedWrite write, Map<String, String> idsByKey) {
        if (write.pendingManager() == null) {
            return write;
        }
        String managerId = idsByKey.get(write.pendingManager());
        return managerId != null ? write.withManagerId(managerId) : write.withoutManager();
    }

    private ReconcileItem applyOne(PlannedWrite write, Map<String, String> idsByKey) {
        ReconcileItem item = write.item();
        if (!write.hasRequest()) {
            return item.withResult(ReconcileItem.Result.FAILED, null, "only the manager was to change, and creating "
                                                                      + "the manager failed");
        }
        try {
            switch (item.action()) {
                case CREATE -> {
                    ScimUser created = creates.create(write.desired()).resource();
                    String id = created == null ? null : created.id();
                    if (id != null) {
                        idsByKey.put(item.matchValue(), id);
                    }
                    return item.withResult(ReconcileItem.Result.APPLIED, id, null)
                            .withIgnored(convergence.notKeptAfterCreate(write.desired(), created));
                }
                case DEACTIVATE -> {
                    users.patch(item.id(), PatchRequest.of(write.operations()));
                    memory.remember(item.id(), write.current().userName(), write.current().externalId());
                    return item.withResult(ReconcileItem.Result.APPLIED, null, null);
                }
                case REACTIVATE -> {
                    ScimUser answered = users.patch(item.id(), PatchRequest.of(write.operations())).resource();
                    memory.forget(item.id());
                    return applied(item, write, answered);
                }
                default -> {
                    return applied(item, write, users.patch(item.id(), PatchRequest.of(write.operations())).resource());
                }
            }
        } catch (ScimNotFoundException e) {
            if (item.action() == ReconcileAction.REACTIVATE) {
                // the remembered account was deleted meanwhile: the next run creates the person
                memory.forget(item.id());
            }
            return item.withResult(ReconcileItem.Result.FAILED, null, e.getMessage());
        } catch (ScimException e) {
            return item.withResult(ReconcileItem.Result.FAILED, null, e.getMessage());
        }
    }

    /** An update or reactivation that succeeded, with what its answer shows the tenant did not keep. */
    private ReconcileItem applied(ReconcileItem item, PlannedWrite write, ScimUser answered) {
        return item.withResult(ReconcileItem.Result.APPLIED, null, null)
                .withIgnored(convergence.notKeptAfterPatch(write.operations(), write.desired(), answered));
    }

    private GroupReconcileItem applyGroup(PlannedGroup group) {
        GroupReconcileItem item = group.item();
        try {
            if (item.action() == GroupAction.CREATE) {
                ScimGroup created = groups.create(ScimGroup.builder().displayName(item.displayName())
                        .memberIds(group.addIds()).build()).resource();
                return item.withResult(ReconcileItem.Result.APPLIED, created == null ? null : created.id(), null);
            }
            groups.patch(item.id(), List.of(), group.addIds(), group.removeIds());
            return item.withResult(ReconcileItem.Result.APPLIED, null, null);
        } catch (ScimException e) {
            return item.withResult(ReconcileItem.Result.FAILED, null, e.getMessage());
        }
    }

    /** The write's outcome; one that threw unexpectedly ends as its item failed with the cause. */
    private static <R> R outcome(CompletableFuture<R> write, Function<String, R> failedWith)
            throws InterruptedException {
        try {
            return write.get();
        } catch (ExecutionException e) {
            return failedWith.apply(String.valueOf(e.getCause()));
        }
    }
}
