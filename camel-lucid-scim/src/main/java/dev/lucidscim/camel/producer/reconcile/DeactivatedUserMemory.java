package dev.lucidscim.camel.producer.reconcile;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.consumer.ConsumerState;
import dev.lucidscim.camel.consumer.KnownResource;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.spi.StateRepository;

/**
 * The deactivated users reconcile can find although Lucid hides them from listings and searches: those the polling
 * consumer saw disappear (its tombstones, when it shares the state repository and key) and those reconcile
 * deactivated itself (its own tombstones, kept under {@code <key>/reconcile}). Without this memory a rehire would be
 * a create, and Lucid would answer 409.
 */
final class DeactivatedUserMemory {

    private final ConsumerState consumerState;
    private final ConsumerState ownState;

    DeactivatedUserMemory(StateRepository<String, String> repository, String namespace) {
        this.consumerState = new ConsumerState(repository, namespace);
        this.ownState = new ConsumerState(repository, namespace + "/reconcile");
    }

    /** Match key to Lucid id of every remembered deactivated user that is not listed as active now. */
    synchronized Map<String, String> deactivatedIds(LucidScimMatchAttribute matchAttribute, Set<String> listedIds) {
        Map<String, String> ids = new HashMap<>();
        for (ConsumerState state : new ConsumerState[] { consumerState, ownState }) {
            state.load();
            state.forEachKnown((id, removed) -> {
                if (removed && !listedIds.contains(id)) {
                    KnownResource known = state.get(id);
                    String key = known == null ? null : RosterKeys.of(known.tracked(), matchAttribute);
                    if (key != null) {
                        ids.put(key, id);
                    }
                }
            });
        }
        return ids;
    }

    synchronized void rememberDeactivated(String id, ScimUser user) {
        ObjectNode tracked = JsonNodeFactory.instance.objectNode().put("id", id);
        if (user.userName() != null) {
            tracked.put("userName", user.userName());
        }
        if (user.externalId() != null) {
            tracked.put("externalId", user.externalId());
        }
        ownState.commit(id, new KnownResource("", true, tracked));
        ownState.flush();
    }

    synchronized void forget(String id) {
        ownState.commit(id, null);
        ownState.flush();
    }
}
