package dev.lucidscim.camel.state;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state's index across a crash: a process killed after committing entries and before writing their index chunks
 * (the chunks are written at the end of a poll) leaves a journal from which the next process to load the state (a
 * restart, a cluster member taking over) knows those resources, so that it can tell when one of them is removed.
 */
class ConsumerStateTest {

    private final MemoryStateRepository repository = new MemoryStateRepository();

    private static KnownResource known(String id) {
        return new KnownResource("v1", false, JsonNodeFactory.instance.objectNode().put("id", id));
    }

    private Map<String, Boolean> knownIds(ConsumerState state) {
        Map<String, Boolean> ids = new TreeMap<>();
        state.forEachKnown(ids::put);
        return ids;
    }

    @Test
    void entriesCommittedBeforeACrashAreKnownToTheNextLoadAndUncommittedOnesAreNot() {
        ConsumerState killed = new ConsumerState(repository, "directory");
        killed.load();
        killed.journal(List.of("lucid-1", "lucid-2", "lucid-3"));
        killed.commit("lucid-1", known("lucid-1"));
        killed.commit("lucid-2", known("lucid-2"));
        // killed here: no flush, lucid-3's exchange never completed

        ConsumerState takingOver = new ConsumerState(repository, "directory");
        takingOver.load();

        assertThat(knownIds(takingOver)).isEqualTo(Map.of("lucid-1", false, "lucid-2", false));
    }

    @Test
    void aCompletedDeliveryClosesTheJournalAndTheIndexHoldsItsIds() {
        ConsumerState state = new ConsumerState(repository, "directory");
        state.load();
        state.journal(List.of("lucid-1"));
        state.commit("lucid-1", known("lucid-1"));
        state.flushAndCloseJournal();

        assertThat(repository.getState("directory/#journal")).isEmpty();
        ConsumerState next = new ConsumerState(repository, "directory");
        next.load();
        assertThat(knownIds(next)).isEqualTo(Map.of("lucid-1", false));
    }

    @Test
    void idsTheIndexHoldsAreNotJournalledAgain() {
        ConsumerState state = new ConsumerState(repository, "directory");
        state.load();
        state.journal(List.of("lucid-1"));
        state.commit("lucid-1", known("lucid-1"));
        state.flushAndCloseJournal();

        state.journal(List.of("lucid-1"));

        assertThat(repository.getState("directory/#journal")).isEmpty();
    }

    /** Camel's FileStateRepository refuses a value with a line break: a chunk holds many ids in a large directory. */
    @Test
    void aFileStateRepositoryHoldsAnIndexOfManyIdsPerChunk(@TempDir Path folder) {
        FileStateRepository file = FileStateRepository.fileStateRepository(folder.resolve("state").toFile());
        file.start();
        ConsumerState state = new ConsumerState(file, "directory");
        state.load();
        List<String> ids = IntStream.range(0, 3000).mapToObj(i -> "lucid-" + i).toList();
        state.journal(ids);
        ids.forEach(id -> state.commit(id, known(id)));
        state.flushAndCloseJournal();
        file.stop();

        FileStateRepository reopened = FileStateRepository.fileStateRepository(folder.resolve("state").toFile());
        reopened.start();
        ConsumerState next = new ConsumerState(reopened, "directory");
        next.load();
        assertThat(knownIds(next)).hasSize(3000).containsEntry("lucid-2999", false);
    }
}
