package dev.lucidscim.camel.producer;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.client.GroupMembershipPatches;
import dev.lucidscim.client.ScimResponse;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimMeta;
import org.apache.camel.Message;

/**
 * The create of a group with its members ({@link GroupMembershipPatches#create}), through a {@link ConfirmedCreate},
 * and its outcome: {@code created}, or, where a DELETE archives groups (teams), {@code reactivated} when the POST
 * restored an archived team. Lucid documents that a POST of an archived team's name restores it, not how the answer
 * shows it (unverified): the team comes back with its old id, and the POST's answer is taken for a restore when its
 * {@code meta.created} precedes its {@code meta.lastModified}, which one write creating a resource sets to one instant.
 * Only the POST's own answer is read: PATCHes of the members beyond the POST change {@code lastModified}.
 */
final class GroupCreate {

    private final GroupMembershipPatches memberships;
    private final ConfirmedCreate<ScimGroup> creates;
    private final boolean archivedNamesRestore;

    /** @param archivedNamesRestore whether a POST may restore an archived group of the same name (teams) */
    GroupCreate(GroupMembershipPatches memberships, ConfirmedCreate<ScimGroup> creates,
                boolean archivedNamesRestore) {
        this.memberships = memberships;
        this.creates = creates;
        this.archivedNamesRestore = archivedNamesRestore;
    }

    /** Creates the group and writes Lucid's answer and the outcome to the message. */
    void create(Message message, ScimGroup group) {
        // the answer to the POST that succeeded (a POST refused as too large is sent again with fewer members)
        AtomicReference<ScimResponse<ScimGroup>> post = new AtomicReference<>();
        ScimResponse<ScimGroup> response = memberships.creatingWith(desired -> {
            ScimResponse<ScimGroup> answer = creates.create(desired);
            post.set(answer);
            return answer;
        }).create(group);
        boolean restored = archivedNamesRestore && isRestore(post.get().resource());
        MessageOutput.response(message, response, restored ? LucidScimOutcome.REACTIVATED : LucidScimOutcome.CREATED);
    }

    private static boolean isRestore(ScimGroup posted) {
        ScimMeta meta = posted == null ? null : posted.meta();
        if (meta == null) {
            return false;
        }
        OffsetDateTime created = meta.created();
        OffsetDateTime lastModified = meta.lastModified();
        return created != null && lastModified != null && created.isBefore(lastModified);
    }
}
