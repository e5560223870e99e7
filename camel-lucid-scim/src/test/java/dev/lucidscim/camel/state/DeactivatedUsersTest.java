package dev.lucidscim.camel.state;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tombstones in the state repository, as the strings stored before the state had a package of its own: the
 * consumer's under the namespace, reconcile's under {@code <namespace>/reconcile}, an index chunk per id hash.
 */
class DeactivatedUsersTest {

    private static final String NAMESPACE = "lucid-scim/users/tenant";
    private final MemoryStateRepository repository = new MemoryStateRepository();
    private final DeactivatedUsers deactivated = new DeactivatedUsers(repository, NAMESPACE);

    private static int chunkOf(String id) {
        return Math.floorMod(id.hashCode(), ConsumerState.CHUNKS);
    }

    /** A consumer tombstone (Jane, seen deactivated) and a reconcile one (Bob), written as the old code wrote them. */
    private void storeTheOldWay() {
        repository.setState(NAMESPACE + "/#ids/" + chunkOf("lucid-1"), "lucid-1!");
        repository.setState(NAMESPACE + "/lucid-1",
                "1|Xq2fingerprint0000000|r|{\"userName\":\"Jane@Example.com\",\"externalId\":\"E-1\",\"active\":false}");
        repository.setState(NAMESPACE + "/#ids/" + chunkOf("lucid-3"), "lucid-3");
        repository.setState(NAMESPACE + "/lucid-3", "1|fp3|l|{\"userName\":\"carol@example.com\"}");
        repository.setState(NAMESPACE + "/reconcile/#ids/" + chunkOf("lucid-2"), "lucid-2!");
        repository.setState(NAMESPACE + "/reconcile/lucid-2",
                "1||r|{\"id\":\"lucid-2\",\"userName\":\"bob@example.com\",\"externalId\":\"E-2\"}");
    }

    @Test
    void tombstonesStoredTheOldWayAreFoundByMatchKey() {
        storeTheOldWay();

        assertThat(deactivated.idsOf(LucidScimMatchAttribute.USER_NAME, " jane@EXAMPLE.com"))
                .containsExactly("lucid-1");
        assertThat(deactivated.idsOf(LucidScimMatchAttribute.EXTERNAL_ID, "E-2")).containsExactly("lucid-2");
        assertThat(deactivated.idsOf(LucidScimMatchAttribute.EXTERNAL_ID, "e-2")).isEmpty();
        assertThat(deactivated.idsOf(LucidScimMatchAttribute.USER_NAME, "carol@example.com"))
                .as("listed, not a tombstone").isEmpty();
        assertThat(deactivated.deactivatedIds(LucidScimMatchAttribute.USER_NAME, Set.of("lucid-2")))
                .isEqualTo(Map.of("jane@example.com", "lucid-1"));
    }

    @Test
    void aRememberedTombstoneIsStoredAsBeforeAndForgottenAgain() {
        deactivated.remember("lucid-2", "bob@example.com", "E-2");

        assertThat(repository.getState(NAMESPACE + "/reconcile/lucid-2"))
                .isEqualTo("1||r|{\"id\":\"lucid-2\",\"userName\":\"bob@example.com\",\"externalId\":\"E-2\"}");
        assertThat(repository.getState(NAMESPACE + "/reconcile/#ids/" + chunkOf("lucid-2"))).isEqualTo("lucid-2!");

        deactivated.forget("lucid-2");

        assertThat(repository.getState(NAMESPACE + "/reconcile/lucid-2")).isEmpty();
        assertThat(deactivated.idsOf(LucidScimMatchAttribute.USER_NAME, "bob@example.com")).isEmpty();
    }

    @Test
    void theComponentsOwnTombstoneComesFirstAndWinsAndTheConsumersIsNeverWritten() {
        storeTheOldWay();
        String consumerEntry = repository.getState(NAMESPACE + "/lucid-1");

        deactivated.remember("lucid-9", "jane@example.com", "E-1");
        deactivated.forget("lucid-1");

        assertThat(deactivated.idsOf(LucidScimMatchAttribute.USER_NAME, "jane@example.com"))
                .containsExactly("lucid-9", "lucid-1");
        assertThat(deactivated.deactivatedIds(LucidScimMatchAttribute.EXTERNAL_ID, Set.of()))
                .containsEntry("E-1", "lucid-9");
        assertThat(repository.getState(NAMESPACE + "/lucid-1")).isEqualTo(consumerEntry);
    }

    @Test
    void writersThatShareANamespaceKeepEachOthersTombstones() {
        String first = "lucid-1";
        String second = first;
        for (int n = 2; chunkOf(second) != chunkOf(first) || second.equals(first); n++) {
            second = "lucid-" + n;
        }
        DeactivatedUsers otherRoute = new DeactivatedUsers(repository, NAMESPACE);
        assertThat(deactivated.idsOf(LucidScimMatchAttribute.USER_NAME, "bob@example.com")).isEmpty();

        otherRoute.remember(second, "bob@example.com", null);
        deactivated.remember(first, "jane@example.com", null);

        assertThat(deactivated.idsOf(LucidScimMatchAttribute.USER_NAME, "jane@example.com")).containsExactly(first);
        assertThat(deactivated.idsOf(LucidScimMatchAttribute.USER_NAME, "bob@example.com")).containsExactly(second);
        assertThat(otherRoute.idsOf(LucidScimMatchAttribute.USER_NAME, "jane@example.com")).containsExactly(first);
        assertThat(repository.getState(NAMESPACE + "/reconcile/#ids/" + chunkOf(first)).split(","))
                .containsExactlyInAnyOrder(first + "!", second + "!");
    }

    @Test
    void whatTheConsumerCommitsAfterALookUpIsSeenByTheNextOne() {
        assertThat(deactivated.idsOf(LucidScimMatchAttribute.USER_NAME, "dave@example.com")).isEmpty();
        ConsumerState consumer = new ConsumerState(repository, NAMESPACE);
        consumer.load();
        KnownResource dave = new KnownResource("fp", false, JsonNodeFactory.instance.objectNode()
                .put("userName", "dave@example.com"));

        consumer.commit("lucid-4", dave.asRemoved());
        consumer.flush();
        assertThat(deactivated.idsOf(LucidScimMatchAttribute.USER_NAME, "dave@example.com")).containsExactly("lucid-4");

        consumer.commit("lucid-4", dave);
        consumer.flush();
        assertThat(deactivated.idsOf(LucidScimMatchAttribute.USER_NAME, "dave@example.com")).as("listed again")
                .isEmpty();
    }
}
