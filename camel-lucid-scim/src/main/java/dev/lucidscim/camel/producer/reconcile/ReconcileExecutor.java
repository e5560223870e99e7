package dev.lucidscim.camel.producer.reconcile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.lucidscim.camel.producer.ConfirmedCreate;
import dev.lucidscim.camel.state.DeactivatedUsers;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimUser;

/**
 * Applies a plan's writes, a bounded number at a time (the tenant's rate limit still applies to each), one request
 * per write. A write that fails is reported and does not stop the others. Deactivations are remembered, so that a
 * later roster holding the person again reactivates them.
 */
final class ReconcileExecutor {

    private final ScimResourceClient<ScimUser> users;
    private final ConfirmedCreate<ScimUser> creates;
    private final DeactivatedUsers memory;
    private final int concurrency;

    ReconcileExecutor(ScimResourceClient<ScimUser> users, DeactivatedUsers memory, int concurrency) {
        this.users = users;
        this.creates = ConfirmedCreate.users(users);
        this.memory = memory;
        this.concurrency = Math.max(1, concurrency);
    }

    /** @return every planned item as it ended (applied or failed) */
    Map<ReconcileItem, ReconcileItem> apply(List<PlannedWrite> writes) throws InterruptedException {
        Map<ReconcileItem, ReconcileItem> results = new IdentityHashMap<>();
        ProgressLog progress = new ProgressLog(writes.size());
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, writes.size())),
                task -> {
                    Thread thread = new Thread(task, "lucid-scim-reconcile");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<ReconcileItem>> pending = new ArrayList<>();
            for (PlannedWrite write : writes) {
                pending.add(workers.submit(() -> {
                    ReconcileItem outcome = applyOne(write);
                    progress.oneDone();
                    return outcome;
                }));
            }
            for (int i = 0; i < writes.size(); i++) {
                results.put(writes.get(i).item(), get(pending.get(i), writes.get(i)));
            }
        } finally {
            workers.shutdownNow();
        }
        return results;
    }

    private ReconcileItem applyOne(PlannedWrite write) {
        ReconcileItem item = write.item();
        try {
            switch (item.action()) {
                case CREATE -> {
                    ScimUser created = creates.create(write.user()).resource();
                    return item.withResult(ReconcileItem.Result.APPLIED, created == null ? null : created.id(), null);
                }
                case DEACTIVATE -> {
                    users.patch(item.id(), PatchRequest.of(write.operations()));
                    memory.remember(item.id(), write.user().userName(), write.user().externalId());
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

    private static ReconcileItem get(Future<ReconcileItem> pending, PlannedWrite write) throws InterruptedException {
        try {
            return pending.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return write.item().withResult(ReconcileItem.Result.FAILED, null, String.valueOf(e.getCause()));
        }
    }
}
