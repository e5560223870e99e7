package dev.lucidscim.camel.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import org.apache.camel.spi.StateRepository;

/**
 * The deactivated users the component can find although Lucid hides them from listings and searches (a GET by id
 * still returns them): those the polling consumer saw disappear (its tombstones, when it shares the state repository
 * and the state key) and those reconcile or the producer deactivated (the component's own tombstones, kept under
 * {@code <namespace>/reconcile}). Without them a rehire would be a create, and Lucid would answer 409.
 * <p>
 * The consumer's tombstones are read, never written: the consumer clears one itself when it lists the user again.
 * Every look-up reads the repository afresh, since the consumer, other routes or other nodes may have written since;
 * the component's own tombstones are written by re-reading and rewriting one index chunk, one writer at a time in
 * this JVM (writers on other nodes are not kept apart: a {@link StateRepository} cannot compare and set).
 */
public final class DeactivatedUsers {

    /** The own tombstones' writers of every instance in this JVM: routes and reconcile may share a namespace. */
    private static final Object WRITES = new Object();

    private final StateRepository<String, String> repository;
    private final String consumerNamespace;
    private final String ownNamespace;

    /** @param namespace the consumer's key prefix (the endpoint's state key) */
    public DeactivatedUsers(StateRepository<String, String> repository, String namespace) {
        this.repository = repository;
        this.consumerNamespace = namespace;
        this.ownNamespace = namespace + "/reconcile";
    }

    /**
     * Match key to id of every remembered deactivated user that is not listed as active now; for a key remembered by
     * both, the component's own tombstone wins.
     */
    public Map<String, String> deactivatedIds(LucidScimMatchAttribute matchAttribute, Set<String> listedIds) {
        Map<String, String> ids = new HashMap<>();
        BiConsumer<String, ObjectNode> collect = (id, tracked) -> {
            String key = keyOf(tracked, matchAttribute);
            if (key != null && !listedIds.contains(id)) {
                ids.put(key, id);
            }
        };
        forEachTombstone(consumerNamespace, collect);
        forEachTombstone(ownNamespace, collect);
        return ids;
    }

    /**
     * The ids remembered for this value of the match attribute, the component's own tombstones first (usually one
     * id, more when the person was deactivated under several accounts); empty when none is remembered.
     */
    public List<String> idsOf(LucidScimMatchAttribute matchAttribute, String value) {
        String wanted = matchAttribute.key(value);
        Set<String> ids = new LinkedHashSet<>();
        if (wanted != null) {
            BiConsumer<String, ObjectNode> collect = (id, tracked) -> {
                if (wanted.equals(keyOf(tracked, matchAttribute))) {
                    ids.add(id);
                }
            };
            forEachTombstone(ownNamespace, collect);
            forEachTombstone(consumerNamespace, collect);
        }
        return new ArrayList<>(ids);
    }

    /** Remembers a user the component deactivated, to be found again by its userName or externalId (either null). */
    public void remember(String id, String userName, String externalId) {
        ObjectNode tracked = JsonNodeFactory.instance.objectNode().put("id", id);
        if (userName != null) {
            tracked.put("userName", userName);
        }
        if (externalId != null) {
            tracked.put("externalId", externalId);
        }
        write(id, new KnownResource("", true, tracked));
    }

    /** Forgets the component's own tombstone of this id: the user was reactivated, or deleted meanwhile. */
    public void forget(String id) {
        write(id, null);
    }

    private void write(String id, KnownResource tombstone) {
        synchronized (WRITES) {
            new ConsumerState(repository, ownNamespace).commitNow(id, tombstone);
        }
    }

    private void forEachTombstone(String namespace, BiConsumer<String, ObjectNode> action) {
        ConsumerState state = new ConsumerState(repository, namespace);
        state.load();
        state.forEachKnown((id, removed) -> {
            KnownResource known = removed ? state.get(id) : null;
            if (known != null) {
                action.accept(id, known.tracked());
            }
        });
    }

    private static String keyOf(ObjectNode tracked, LucidScimMatchAttribute matchAttribute) {
        return tracked.path(matchAttribute.name()).isTextual()
                ? matchAttribute.key(tracked.path(matchAttribute.name()).asText()) : null;
    }
}
