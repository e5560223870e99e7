package dev.lucidscim.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lucidscim.model.ScimJson;
import org.apache.camel.spi.StateRepository;

/**
 * The plans waiting for a person's approval (a reconcile or apply that tripped the deletion breaker), in the
 * endpoint's state repository: in memory by default, the JDBC one for several nodes. One key lists the pending ids
 * (comma separated: the file repository takes no newline in a value), one key per plan holds it with why it waits
 * and when it was stored, as one line of JSON. A plan leaves by {@link #take} (approve) or {@link #drop} (reject),
 * and only once: the second of two approvals finds nothing. Within one JVM that is atomic; nodes sharing a JDBC
 * repository should send approvals to one node (the repository has no compare-and-set).
 */
public final class PendingPlans {

    /**
     * @param plan   the plan, exactly as it would be applied
     * @param reason why it waits: the breaker's message
     * @param stored when it was stored
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PendingPlan(ChangePlan plan, String reason, Instant stored) {
    }

    private final StateRepository<String, String> repository;
    private final String indexKey;
    private final String planPrefix;
    private final Clock clock;

    /** @param namespace the endpoint's state key prefix: endpoints sharing it share their pending plans */
    public PendingPlans(StateRepository<String, String> repository, String namespace, Clock clock) {
        this.repository = repository;
        this.indexKey = namespace + "/pendingPlans";
        this.planPrefix = namespace + "/pendingPlan/";
        this.clock = clock;
    }

    /** Stores the plan as waiting for approval; its id must hold no comma. */
    public void store(ChangePlan plan, String reason) {
        if (plan.id() == null || plan.id().isBlank() || plan.id().contains(",")) {
            throw new IllegalArgumentException("a pending plan needs an id without commas");
        }
        synchronized (PendingPlans.class) {
            repository.setState(planPrefix + plan.id(),
                    ScimJson.toJson(new PendingPlan(plan, reason, clock.instant())));
            Set<String> ids = ids();
            ids.add(plan.id());
            writeIds(ids);
        }
    }

    /** Every pending plan, oldest first. */
    public List<PendingPlan> pending() {
        List<PendingPlan> plans = new ArrayList<>();
        ids().forEach(id -> find(id).ifPresent(plans::add));
        return plans;
    }

    public Optional<PendingPlan> find(String planId) {
        String json = repository.getState(planPrefix + planId);
        if (json == null || json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ScimJson.read(json.getBytes(StandardCharsets.UTF_8), PendingPlan.class));
        } catch (IOException e) {
            throw new IllegalStateException("The pending plan " + planId + " in the state repository cannot be read: "
                                            + e.getMessage(), e);
        }
    }

    /** Removes the plan and returns it, to be applied; empty when it is not (or no longer) pending. */
    public Optional<PendingPlan> take(String planId) {
        synchronized (PendingPlans.class) {
            Optional<PendingPlan> found = find(planId);
            found.ifPresent(plan -> remove(planId));
            return found;
        }
    }

    /** Removes the plan unapplied; empty when it is not (or no longer) pending. */
    public Optional<PendingPlan> drop(String planId) {
        return take(planId);
    }

    private void remove(String planId) {
        repository.setState(planPrefix + planId, "");
        Set<String> ids = ids();
        ids.remove(planId);
        writeIds(ids);
    }

    private Set<String> ids() {
        String index = repository.getState(indexKey);
        Set<String> ids = new LinkedHashSet<>();
        if (index != null && !index.isEmpty()) {
            ids.addAll(Arrays.asList(index.split(",")));
        }
        return ids;
    }

    private void writeIds(Set<String> ids) {
        repository.setState(indexKey, String.join(",", ids));
    }
}
