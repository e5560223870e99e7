package dev.lucidscim.camel.producer.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

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
 * per write: first the people, in waves so that each person is written after the create of their manager, then the
 * groups, whose members are then all known. A write that fails is reported and does not stop the others.
 * Deactivations are remembered, so that a later roster holding the person again reactivates them.
 */
final class ReconcileExecutor {

    private final ScimResourceClient<ScimUser> users;
    private final GroupMembershipPatches groups;
    private final ConfirmedCreate<ScimUser> creates;
    private final DeactivatedUsers memory;
    private final ExecutorService workers;

    /** @param workers the threads writes run on, as many as may be in flight; owned and shut down by the caller */
    ReconcileExecutor(ScimResourceClient<ScimUser> users, GroupMembershipPatches groups,
                      DeactivatedUsers memory, ExecutorService workers) {
        this.users = users;
        this.groups = groups;
        this.creates = ConfirmedCreate.users(users);
        this.memory = memory;
        this.workers = workers;
    }

    /**
     * @param idsByKey Lucid ids by match key, known before the run; the ids of the people created are added
     * @return every planned user item as it ended (applied or failed)
     */
    Map<ReconcileItem, ReconcileItem> applyUsers(List<PlannedWrite> writes, Map<String, String> idsByKey)
            throws InterruptedException {
        Map<ReconcileItem, ReconcileItem> results = new IdentityHashMap<>();
        ProgressLog progress = new ProgressLog(writes.size());
        for (List<PlannedWrite> wave : managerWaves(writes)) {
            List<Callable<ReconcileItem>> tasks = new ArrayList<>();
            for (PlannedWrite planned : wave) {
                tasks.add(() -> {
                    ReconcileItem outcome = applyOne(resolveManager(planned, idsByKey), idsByKey);
                    progress.oneDone();
                    return outcome;
                });
            }
            List<ReconcileItem> outcomes = runAll(tasks, (index, cause) -> wave.get(index).item()
                    .withResult(ReconcileItem.Result.FAILED, null, String.valueOf(cause)));
            for (int i = 0; i < wave.size(); i++) {
                results.put(wave.get(i).item(), outcomes.get(i));
            }
        }
        return results;
    }

    /** @return every planned group item as it ended */
    Map<GroupReconcileItem, GroupReconcileItem> applyGroups(List<PlannedGroup> planned) throws InterruptedException {
        List<PlannedGroup> writes = planned.stream().filter(PlannedGroup::isWrite).toList();
        List<Callable<GroupReconcileItem>> tasks = new ArrayList<>();
        writes.forEach(group -> tasks.add(() -> applyGroup(group)));
        List<GroupReconcileItem> outcomes = runAll(tasks, (index, cause) -> writes.get(index).item()
                .withResult(ReconcileItem.Result.FAILED, null, String.valueOf(cause)));
        Map<GroupReconcileItem, GroupReconcileItem> results = new IdentityHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            results.put(writes.get(i).item(), outcomes.get(i));
        }
        return results;
    }

    /** Waves: a write waiting for its manager's create goes one wave after it (the planner left no cycles). */
    private static List<List<PlannedWrite>> managerWaves(List<PlannedWrite> writes) {
        Map<String, PlannedWrite> createOf = new HashMap<>();
        writes.stream().filter(write -> write.item().action() == ReconcileAction.CREATE)
                .forEach(write -> createOf.put(write.item().matchValue(), write));
        Map<PlannedWrite, Integer> depth = new IdentityHashMap<>();
        List<List<PlannedWrite>> waves = new ArrayList<>();
        for (PlannedWrite write : writes) {
            int level = depthOf(write, createOf, depth);
            while (waves.size() <= level) {
                waves.add(new ArrayList<>());
            }
            waves.get(level).add(write);
        }
        return waves;
    }

    private static int depthOf(PlannedWrite write, Map<String, PlannedWrite> createOf,
                               Map<PlannedWrite, Integer> depth) {
        Integer known = depth.get(write);
        if (known != null) {
            return known;
        }
        PlannedWrite manager = write.pendingManager() == null ? null : createOf.get(write.pendingManager());
        int level = manager == null ? 0 : depthOf(manager, createOf, depth) + 1;
        depth.put(write, level);
        return level;
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
                    return item.withResult(ReconcileItem.Result.APPLIED, id, null);
                }
                case DEACTIVATE -> {
                    users.patch(item.id(), PatchRequest.of(write.operations()));
                    memory.remember(item.id(), write.current().userName(), write.current().externalId());
                }
                case REACTIVATE -> {
                    users.patch(item.id(), PatchRequest.of(write.operations()));
                    memory.forget(item.id());
                }
                default -> users.patch(item.id(), PatchRequest.of(write.operations()));
            }
            return item.withResult(ReconcileItem.Result.APPLIED, null, null);
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

    /** Runs the tasks on the workers; a task that throws unexpectedly ends as its item failed with the cause. */
    private <R> List<R> runAll(List<Callable<R>> tasks, BiFunction<Integer, Throwable, R> failed)
            throws InterruptedException {
        List<Future<R>> pending = new ArrayList<>();
        tasks.forEach(task -> pending.add(workers.submit(task)));
        List<R> outcomes = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            try {
                outcomes.add(pending.get(i).get());
            } catch (ExecutionException e) {
                outcomes.add(failed.apply(i, e.getCause()));
            }
        }
        return outcomes;
    }
}
