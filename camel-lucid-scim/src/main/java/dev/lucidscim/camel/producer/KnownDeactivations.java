package dev.lucidscim.camel.producer;

import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.camel.state.DeactivatedUsers;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.model.ScimUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's use of the tombstones it shares with the consumer and reconcile ({@link DeactivatedUsers}), when
 * the endpoint has a {@code stateRepository} configured: upsert finds a deactivated user there (Lucid hides it from
 * searches), and deactivations and reactivations keep the tombstones current. Without a configured repository it
 * finds and remembers nothing, and upsert behaves as it did before it existed.
 */
final class KnownDeactivations {

    private static final Logger LOG = LoggerFactory.getLogger(KnownDeactivations.class);

    private final ScimResourceClient<ScimUser> users;
    private final LucidScimMatchAttribute matchAttribute;
    /** null: no state repository configured */
    private final DeactivatedUsers tombstones;

    /** @param tombstones the shared tombstones, or null when the endpoint has no state repository configured */
    KnownDeactivations(ScimResourceClient<ScimUser> users, LucidScimMatchAttribute matchAttribute,
                       DeactivatedUsers tombstones) {
        this.users = users;
        this.matchAttribute = matchAttribute;
        this.tombstones = tombstones;
    }

    /**
     * The deactivated user remembered under the desired user's match value, read by id (one GET per remembered id,
     * usually one), or null. A remembered id that Lucid no longer knows (deleted meanwhile) is forgotten, and so is
     * one that is active again: the search for the match value found nobody, so it is no longer this person.
     */
    ScimUser find(ScimUser desired) {
        if (tombstones == null) {
            return null;
        }
        for (String id : tombstones.idsOf(matchAttribute, matchAttribute.valueOf(desired))) {
            try {
                ScimUser remembered = users.get(id).resource();
                if (remembered != null && Boolean.FALSE.equals(remembered.active())) {
                    return remembered;
                }
            } catch (ScimNotFoundException deleted) {
                LOG.debug("Lucid no longer knows the deactivated user {}: forgotten", id);
            }
            tombstones.forget(id);
        }
        return null;
    }

    /**
     * After a write: a deactivated user is remembered under its userName and externalId, a reactivated one
     * forgotten; other outcomes change nothing.
     *
     * @param user the user as Lucid answered (or, when the answer had no body, as last seen); may be null
     */
    void record(LucidScimOutcome outcome, String id, ScimUser user) {
        if (tombstones == null) {
            return;
        }
        if (outcome == LucidScimOutcome.REACTIVATED) {
            tombstones.forget(id);
        } else if (outcome == LucidScimOutcome.DEACTIVATED) {
            if (user == null || (user.userName() == null && user.externalId() == null)) {
                LOG.warn("Deactivated Lucid user {}, but neither Lucid's answer nor the message held its userName or "
                         + "externalId: it is not remembered, so an upsert rehiring this person will not find it",
                        id);
                return;
            }
            tombstones.remember(id, user.userName(), user.externalId());
        }
    }
}
