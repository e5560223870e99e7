package dev.lucidscim.camel.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.apache.camel.spi.StateRepository;

/**
 * The consumer's memory of the directory, kept in a Camel {@link StateRepository} so that it survives restarts and
 * can be shared by cluster members: one entry per resource ({@code <namespace>/<id>}), committed only after the
 * resource's exchange succeeded, and an index of known ids in {@value #CHUNKS} chunks ({@code <namespace>/#ids/<n>}),
 * because the repository cannot list its keys. In memory it holds only the ids and which of them are removed.
 * <p>
 * An id is written to the index before its entry, so the index always covers every entry, and a removal is found
 * even after a crash between the two writes.
 */
public final class ConsumerState {

    static final int CHUNKS = 1024;
    private static final char REMOVED_MARK = '!';

    private final StateRepository<String, String> repository;
    private final String namespace;
    /** chunk number, then id, then whether it is removed (a tombstone) */
    private final Map<Integer, Map<String, Boolean>> index = new HashMap<>();

    public ConsumerState(StateRepository<String, String> repository, String namespace) {
        this.repository = repository;
        this.namespace = namespace;
    }

    /** Reads the index from the repository (at start, and when a cluster member takes over). */
    public synchronized void load() {
        index.clear();
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            String lines = repository.getState(chunkKey(chunk));
            if (lines == null || lines.isEmpty()) {
                continue;
            }
            Map<String, Boolean> ids = new HashMap<>();
            for (String line : lines.split("\n")) {
                boolean removed = line.charAt(line.length() - 1) == REMOVED_MARK;
                ids.put(removed ? line.substring(0, line.length() - 1) : line, removed);
            }
            index.put(chunk, ids);
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
        if (resource == null) {
            repository.setState(entryKey(id), "");
            if (chunk.remove(id) != null) {
                writeChunk(chunkOf(id), chunk);
            }
            return;
        }
        if (wasRemoved == null || wasRemoved != resource.removed()) {
            chunk.put(id, resource.removed());
            writeChunk(chunkOf(id), chunk);
        }
        repository.setState(entryKey(id), resource.encode());
    }

    /** Calls back with every known id and whether it is removed. */
    public synchronized void forEachKnown(BiConsumer<String, Boolean> action) {
        index.values().forEach(chunk -> new TreeMap<>(chunk).forEach(action));
    }

    public synchronized int size() {
        return index.values().stream().mapToInt(Map::size).sum();
    }

    private void writeChunk(int number, Map<String, Boolean> chunk) {
        StringBuilder lines = new StringBuilder();
        chunk.forEach((id, removed) -> lines.append(lines.isEmpty() ? "" : "\n").append(id)
                .append(removed ? String.valueOf(REMOVED_MARK) : ""));
        repository.setState(chunkKey(number), lines.toString());
    }

    private String entryKey(String id) {
        return namespace + "/" + id;
    }

    private String chunkKey(int chunk) {
        return namespace + "/#ids/" + chunk;
    }

    private static int chunkOf(String id) {
        return Math.floorMod(id.hashCode(), CHUNKS);
    }
}
