package dev.lucidscim.camel.state;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * Reading them all means reading both indexes ({@value ConsumerState#CHUNKS} chunks each) and every tombstone, which
 * takes a JDBC repository a second, so a copy is kept in memory and read again only when the repository's
 * {@link ConsumerState#tombstonesVersion()} of either namespace changed: a look-up costs two reads while nothing was
 * deactivated or reactivated. The own tombstones are written by re-reading and rewriting one index chunk, one writer
 * at a time in this JVM (writers on other nodes are not kept apart: a {@link StateRepository} cannot compare and set).
 */
public final class DeactivatedUsers {

    /** The own tombstones' writers of every instance in this JVM: routes and reconcile may share a namespace. */
    private static final Object WRITES = new Object();

    private final StateRepository<String, String> repository;
    private final String consumerNamespace;
    private final String ownNamespace;
    private Tombstones consumers;
    private Tombstones own;

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
    public synchronized Map<String, String> deactivatedIds(LucidScimMatchAttribute matchAttribute,
                                                           Set<String> listedIds) {
        Map<String, String> ids = new HashMap<>();
        for (Tombstones tombstones : List.of(consumers(), own())) {
            tombstones.keysById.forEach((id, keys) -> {
                String key = keys.get(matchAttribute);
                if (key != null && !listedIds.contains(id)) {
                    ids.put(key, id);
                }
            });
        }
        return ids;
    }

    /**
     * The ids remembered for this value of the match attribute, the component's own tombstones first (usually one
     * id, more when the person was deactivated under several accounts); empty when none is remembered.
     */
    public synchronized List<String> idsOf(LucidScimMatchAttribute matchAttribute, String value) {
        String wanted = matchAttribute.key(value);
        Set<String> ids = new LinkedHashSet<>();
        if (wanted != null) {
            for (Tombstones tombstones : List.of(own(), consumers())) {
                tombstones.keysById.forEach((id, keys) -> {
                    if (wanted.equals(keys.get(matchAttribute))) {
                        ids.add(id);
                    }
                });
            }
        }
        return new ArrayList<>(ids);
    }

    /** Remembers a user the component deactivated, to be found again by its userName or externalId (either null). */
    public synchronized void remember(String id, String userName, String externalId) {
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
    public synchronized void forget(String id) {
        write(id, null);
    }

    private void write(String id, KnownResource tombstone) {
        synchronized (WRITES) {
            ConsumerState state = new ConsumerState(repository, ownNamespace);
            String before = state.tombstonesVersion();
            state.commitNow(id, tombstone);
            // the copy follows this write only if it held every write before it; else it is read again when needed
            if (own != null && Objects.equals(own.version, before)) {
                own.apply(id, tombstone, state.tombstonesVersion());
            } else {
                own = null;
            }
        }
    }

    private Tombstones consumers() {
        consumers = Tombstones.current(consumers, repository, consumerNamespace);
        return consumers;
    }

    private Tombstones own() {
        own = Tombstones.current(own, repository, ownNamespace);
        return own;
    }

    /**
     * A namespace's tombstones as of one version: id to the match keys it is found by (parsed once, not at every
     * look-up). Changed only under its owner's lock.
     */
    private static final class Tombstones {

        private String version;
        private final Map<String, Map<LucidScimMatchAttribute, String>> keysById;

        private Tombstones(String version, Map<String, Map<LucidScimMatchAttribute, String>> keysById) {
            this.version = version;
            this.keysById = keysById;
        }

        /** These, if still the repository's version, else the tombstones read again. */
        static Tombstones current(Tombstones known, StateRepository<String, String> repository, String namespace) {
            ConsumerState state = new ConsumerState(repository, namespace);
            // read before the index: a write while it is read leaves this version behind, and the next look-up
            // reads again
            String version = state.tombstonesVersion();
            if (known != null && Objects.equals(known.version, version)) {
                return known;
            }
            Map<String, Map<LucidScimMatchAttribute, String>> keysById = new LinkedHashMap<>();
            state.load();
            state.forEachKnown((id, removed) -> {
                KnownResource tombstone = removed ? state.get(id) : null;
                if (tombstone != null) {
                    keysById.put(id, keysOf(tombstone));
                }
            });
            return new Tombstones(version, keysById);
        }

        void apply(String id, KnownResource tombstone, String newVersion) {
            if (tombstone == null) {
                keysById.remove(id);
            } else {
                keysById.put(id, keysOf(tombstone));
            }
            version = newVersion;
        }

        private static Map<LucidScimMatchAttribute, String> keysOf(KnownResource tombstone) {
            ObjectNode tracked = tombstone.tracked();
            Map<LucidScimMatchAttribute, String> keys = new EnumMap<>(LucidScimMatchAttribute.class);
            for (LucidScimMatchAttribute attribute : LucidScimMatchAttribute.values()) {
                String key = tracked.path(attribute.attribute()).isTextual()
                        ? attribute.key(tracked.path(attribute.attribute()).asText()) : null;
                if (key != null) {
                    keys.put(attribute, key);
                }
            }
            return keys;
        }
    }
}
