package dev.lucidscim.camel.state;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.apache.camel.spi.StateRepository;

/**
 * The consumer's memory of the directory, kept in a Camel {@link StateRepository} so that it survives restarts and
 * can be shared by cluster members: one entry per resource ({@code <namespace>/<id>}), committed only after the
 * resource's exchange succeeded, and an index of known ids in {@value #CHUNKS} chunks ({@code <namespace>/#ids/<n>}),
 * because the repository cannot list its keys. In memory it holds only the ids and which of them are removed.
 * <p>
 * Index chunks are written every few seconds ({@link #flushIfDue()}) and at the end of a poll ({@link #flush()}), not
 * with every entry: a directory's first poll would otherwise rewrite a chunk per resource (measured: a quarter of the
 * poll's time). So that a crash between an entry and its chunk loses nothing, the ids a poll is about to commit that
 * the index does not hold yet are written first, in one journal key ({@code <namespace>/#journal}, {@link #journal});
 * {@link #load()} puts back in the index every journalled id whose entry was committed, and the end of the delivery
 * empties it ({@link #flushAndCloseJournal()}). Without it, a node taking over from one killed in the middle of a
 * poll would not know those resources, and would miss their removal if it happened meanwhile.
 * <p>
 * A flush that changed which ids are tombstones (removed) also writes a new random {@link #tombstonesVersion()}
 * ({@code <namespace>/#tombstones}), so that {@link DeactivatedUsers} can tell that its copy of them is still current
 * from one read. It keeps the tombstones of reconcile and of the producer in the same format under
 * {@code <namespace>/reconcile}, and reads the consumer's.
 */
public final class ConsumerState {

    static final int CHUNKS = 1024;
    private static final long FLUSH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final char REMOVED_MARK = '!';
    /**
     * Between the ids of a chunk or the journal. Not a line break, which Camel's FileStateRepository refuses in a
     * value; chunks that earlier builds wrote with line breaks are still read.
     */
    private static final String SEPARATOR = ",";

    private final StateRepository<String, String> repository;
    private final String namespace;
    /** chunk number, then id, then whether it is removed (a tombstone) */
    private final Map<Integer, Map<String, Boolean>> index = new HashMap<>();
    private final Set<Integer> dirtyChunks = new HashSet<>();
    private boolean tombstonesChanged;
    /** The ids of the journal in the repository: empty when it is closed. */
    private final Set<String> journalled = new LinkedHashSet<>();
    private long lastFlushNanos = System.nanoTime();

    public ConsumerState(StateRepository<String, String> repository, String namespace) {
        this.repository = repository;
        this.namespace = namespace;
    }

    /**
     * Reads the index from the repository (at start, and when a cluster member takes over), with the ids a poll cut
     * short by a crash had committed before their chunks were written.
     */
    public synchronized void load() {
        index.clear();
        dirtyChunks.clear();
        tombstonesChanged = false;
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            Map<String, Boolean> ids = readChunk(chunk);
            if (!ids.isEmpty()) {
                index.put(chunk, ids);
            }
        }
        for (String id : lines(repository.getState(journalKey()))) {
            KnownResource committed = get(id);
            if (committed != null && index.computeIfAbsent(chunkOf(id), number -> new HashMap<>())
                    .putIfAbsent(id, committed.removed()) == null) {
                dirtyChunks.add(chunkOf(id));
            }
        }
    }

    /**
     * Before a poll delivers its changes: writes which of these ids the index does not hold yet (one write, none when
     * all are indexed), so that {@link #load()} finds them if the process dies before the chunks are written.
     */
    public synchronized void journal(Collection<String> ids) {
        List<String> unindexed = ids.stream().filter(id -> !index.getOrDefault(chunkOf(id), Map.of())
                .containsKey(id)).toList();
        // a journal a failed flush left open keeps its ids: their chunks may not be written yet
        if (journalled.addAll(unindexed)) {
            repository.setState(journalKey(), String.join(SEPARATOR, journalled));
        }
    }

    /** At the end of a poll's delivery: the index written, the journal it made needless emptied. */
    public synchronized void flushAndCloseJournal() {
        flush();
        if (!journalled.isEmpty()) {
            repository.setState(journalKey(), "");
            journalled.clear();
        }
    }

    /** The remembered resource, or null when the id was never seen (or was forgotten after a hard delete). */
    public KnownResource get(String id) {
        String state = repository.getState(entryKey(id));
        return state == null || state.isEmpty() ? null : KnownResource.decode(state);
    }

    /** Remembers a resource after its change was delivered; null forgets it. */
    public synchronized void commit(String id, KnownResource resource) {
        Map<String, Boolean> chunk = index.computeIfAbsent(chunkOf(id), number -> new HashMap<>());
        Boolean wasRemoved = chunk.get(id);
        if (Boolean.TRUE.equals(wasRemoved) != (resource != null && resource.removed())) {
            tombstonesChanged = true;
        }
        if (resource == null) {
            repository.setState(entryKey(id), "");
            if (chunk.remove(id) != null) {
                dirtyChunks.add(chunkOf(id));
            }
            return;
        }
        repository.setState(entryKey(id), resource.encode());
        if (wasRemoved == null || wasRemoved != resource.removed()) {
            chunk.put(id, resource.removed());
            dirtyChunks.add(chunkOf(id));
        }
    }

    /**
     * Commits one resource and writes its index chunk at once, as the repository holds it now plus this change: for
     * a namespace written from several places (reconcile and the producers of several routes), where a chunk read
     * earlier may miss what another writer added since. The caller keeps those writers from interleaving.
     */
    synchronized void commitNow(String id, KnownResource resource) {
        int number = chunkOf(id);
        index.put(number, readChunk(number));
        commit(id, resource);
        writeChunk(number, index.get(number));
        dirtyChunks.remove(number);
        writeTombstonesVersionIfChanged();
    }

    /**
     * A token that changes whenever a flush changes which ids are tombstones; null when none was ever written (state
     * stored before the token existed).
     */
    public String tombstonesVersion() {
        return repository.getState(namespace + "/#tombstones");
    }

    /** Puts a listed, remembered id back in the index if a crash kept it out. */
    public synchronized void keep(String id) {
        Map<String, Boolean> chunk = index.computeIfAbsent(chunkOf(id), number -> new HashMap<>());
        if (chunk.putIfAbsent(id, false) == null) {
            dirtyChunks.add(chunkOf(id));
        }
    }

    /** Writes the index chunks changed since the last flush. */
    public synchronized void flush() {
        for (int number : dirtyChunks) {
            writeChunk(number, index.getOrDefault(number, Map.of()));
        }
        dirtyChunks.clear();
        writeTombstonesVersionIfChanged();
        lastFlushNanos = System.nanoTime();
    }

    /** Flushes when the last flush is a few seconds old: the window a crash could leave unindexed. */
    public synchronized void flushIfDue() {
        if (System.nanoTime() - lastFlushNanos > FLUSH_INTERVAL_NANOS) {
            flush();
        }
    }

    /** Calls back with every known id and whether it is removed. */
    public synchronized void forEachKnown(BiConsumer<String, Boolean> action) {
        index.values().forEach(chunk -> new TreeMap<>(chunk).forEach(action));
    }

    public synchronized int size() {
        return index.values().stream().mapToInt(Map::size).sum();
    }

    private void writeTombstonesVersionIfChanged() {
        if (tombstonesChanged) {
            repository.setState(namespace + "/#tombstones", UUID.randomUUID().toString());
            tombstonesChanged = false;
        }
    }

    private Map<String, Boolean> readChunk(int number) {
        Map<String, Boolean> ids = new HashMap<>();
        for (String line : lines(repository.getState(chunkKey(number)))) {
            boolean removed = line.charAt(line.length() - 1) == REMOVED_MARK;
            ids.put(removed ? line.substring(0, line.length() - 1) : line, removed);
        }
        return ids;
    }

    private static List<String> lines(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split("[\n" + SEPARATOR + "]"));
    }

    private void writeChunk(int number, Map<String, Boolean> chunk) {
        StringBuilder lines = new StringBuilder();
        chunk.forEach((id, removed) -> lines.append(lines.isEmpty() ? "" : SEPARATOR).append(id)
                .append(removed ? String.valueOf(REMOVED_MARK) : ""));
        repository.setState(chunkKey(number), lines.toString());
    }

    private String entryKey(String id) {
        return namespace + "/" + id;
    }

    private String journalKey() {
        return namespace + "/#journal";
    }

    private String chunkKey(int chunk) {
        return namespace + "/#ids/" + chunk;
    }

    private static int chunkOf(String id) {
        return Math.floorMod(id.hashCode(), CHUNKS);
    }
}
