package dev.lucidscim.camel.audit;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.client.ScimResourceType;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimResource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the ledger records of the writes of one producer call besides the writes themselves: the operation, the run
 * and plan it belongs to, the exchange; and the resources the operation already read, so that their values before a
 * write need no second read. The producer sets it on its thread for the call ({@link #within}); writes made on other
 * threads (reconcile's workers) find it through {@link #carriedTo}.
 */
public final class AuditScope {

    /** Outside any producer call: writes are recorded as of no operation. */
    static final AuditScope NONE = new AuditScope(null, null, null, null, false);

    private static final ThreadLocal<AuditScope> CURRENT = new ThreadLocal<>();

    private final String operation;
    private final String runId;
    private final String planId;
    private final String exchangeId;
    private final boolean recording;
    private final Map<String, ScimResource> knownBefore = new ConcurrentHashMap<>();

    /** @param recording whether writes are recorded: else nothing is kept of the resources the operation read */
    public AuditScope(String operation, String runId, String planId, String exchangeId, boolean recording) {
        this.operation = operation;
        this.runId = runId;
        this.planId = planId;
        this.exchangeId = exchangeId;
        this.recording = recording;
    }

    /**
     * The scope of one producer call: its run is the {@code CamelLucidScimRunId} header when given (not for revert,
     * where it names the run to undo), else the exchange id; a plan applied within it (reconcile, apply, approve,
     * revert) is a run of its own ({@link #forPlan}).
     */
    public static AuditScope of(Exchange exchange, LucidScimOperation operation, boolean recording) {
        String given = exchange.getMessage().getHeader(LucidScimConstants.RUN_ID, String.class);
        String runId = given != null && !given.isBlank() && operation != LucidScimOperation.REVERT ? given.strip()
                : exchange.getExchangeId();
        return new AuditScope(String.valueOf(operation), runId, null, exchange.getExchangeId(), recording);
    }

    /**
     * The scope of a plan applied within this one: the plan's id is its run id, so that the ledger of the run is
     * that of the plan; what the operation read before stays known.
     */
    public AuditScope forPlan(String planId) {
        AuditScope plan = new AuditScope(operation, planId, planId, exchangeId, recording);
        plan.knownBefore.putAll(knownBefore);
        return plan;
    }

    /** The scope of the calling thread, {@link #NONE} outside a producer call. */
    public static AuditScope current() {
        AuditScope scope = CURRENT.get();
        return scope == null ? NONE : scope;
    }

    /** Runs the call with this scope on the calling thread. */
    public <E extends Exception> void within(Call<E> call) throws E {
        AuditScope outer = CURRENT.get();
        CURRENT.set(this);
        try {
            call.run();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** An executor that runs each task within the scope of the thread that hands it over. */
    public static Executor carriedTo(Executor executor) {
        return task -> {
            AuditScope scope = current();
            executor.execute(() -> scope.within(task::run));
        };
    }

    /**
     * The resources as the operation read them: a write of one of them records its values before from here
     * rather than reading it again. Kept only while writes are recorded.
     */
    public void knowBefore(Collection<? extends ScimResource> resources) {
        if (recording) {
            resources.forEach(resource -> knownBefore.put(key(resourceTypeOf(resource), resource.id()), resource));
        }
    }

    /** The resource as the operation read it, taken out (a second write of it has other values before), or null. */
    JsonNode takeKnownBefore(String resourceType, String id) {
        ScimResource known = id == null ? null : knownBefore.remove(key(resourceType, id));
        return known == null ? null : ScimJson.toTree(known);
    }

    private static String resourceTypeOf(ScimResource resource) {
        return resource instanceof ScimGroup ? ScimResourceType.GROUPS.resourceName()
                : ScimResourceType.USERS.resourceName();
    }

    private static String key(String resourceType, String id) {
        return resourceType + "/" + id;
    }

    String operation() {
        return operation;
    }

    String runId() {
        return runId;
    }

    String planId() {
        return planId;
    }

    String exchangeId() {
        return exchangeId;
    }

    /** A call that may throw one kind of exception. */
    @FunctionalInterface
    public interface Call<E extends Exception> {
        void run() throws E;
    }
}
