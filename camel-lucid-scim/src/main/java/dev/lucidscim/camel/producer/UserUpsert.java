package dev.lucidscim.camel.producer;

import java.util.List;
import java.util.Optional;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How upsert decides, for users: find the user (by the {@code CamelLucidScimResourceId} header if given, else one
 * search on the match attribute, {@link ScimResourceClient#findUnique}: two users with the value fail, nothing
 * written), then
 * <ul>
 * <li>none found, and a deactivated user remembered under the match value ({@link KnownDeactivations}, with a
 * {@code stateRepository} configured): read it by id and reactivate it with one PATCH of {@code active} and what
 * differs, outcome {@code reactivated}; if Lucid no longer knows it, go on as if none was remembered;</li>
 * <li>none found: create it; or, when the desired user is inactive (a leaver), change nothing;</li>
 * <li>found, nothing differs: no write, outcome {@code unchanged} (one request in all);</li>
 * <li>found, something differs: one PATCH of exactly what differs, outcome {@code updated}, {@code deactivated} or
 * {@code reactivated}. A deactivation is remembered, so that a later upsert of the same person reactivates.</li>
 * </ul>
 * Lucid hides deactivated users from searches, so a rehire the component never saw deactivated is created, and
 * Lucid answers 409. That ends in a {@link ScimConflictException} that says what the admin can do: never in a retry
 * loop.
 */
final class UserUpsert {

    private final ScimResourceClient<ScimUser> users;
    private final ResourceOperations<ScimUser> operations;
    private final LucidScimMatchAttribute matchAttribute;
    private final KnownDeactivations deactivations;

    UserUpsert(ScimResourceClient<ScimUser> users, ResourceOperations<ScimUser> operations,
               LucidScimMatchAttribute matchAttribute, KnownDeactivations deactivations) {
        this.users = users;
        this.operations = operations;
        this.matchAttribute = matchAttribute;
        this.deactivations = deactivations;
    }

    void upsert(Exchange exchange) {
        ScimUser desired = MessageInput.body(exchange, ScimUser.class, LucidScimOperation.UPSERT);
        InputValidation.requireMatchableUser(desired, matchAttribute);
        Message message = exchange.getMessage();
        Optional<String> knownId = MessageInput.optionalIdFromHeader(message);
        ScimUser current = knownId.isPresent() ? users.get(knownId.get()).resource()
                : users.findUnique(matchAttribute.attribute(), matchAttribute.valueOf(desired)).orElse(null);

        if (current == null) {
            if (Boolean.FALSE.equals(desired.active())) {
                // An inactive user who is not there (or already deactivated, which Lucid hides) needs nothing.
                MessageOutput.unchanged(message, desired);
                MessageOutput.changedAttributes(message, List.of());
                return;
            }
            current = deactivations.find(desired);
            if (current == null) {
                InputValidation.requireCompleteUser(desired);
                create(message, desired);
                return;
            }
            // A rehire: the desired user may leave active unset, and the account comes back only with active=true.
            desired = desired.toBuilder().active(true).build();
        }
        List<PatchOperation> changes = AttributeDiff.between(current, desired);
        MessageOutput.changedAttributes(message, changes.stream().map(PatchOperation::path).toList());
        if (changes.isEmpty()) {
            MessageOutput.unchanged(message, current);
            return;
        }
        LucidScimOutcome outcome = outcomeOf(current, desired);
        ScimUser answered = operations.patch(exchange, current.id(), PatchRequest.of(changes), outcome).resource();
        deactivations.record(outcome, current.id(), answered != null ? answered : current);
    }

    private void create(Message message, ScimUser desired) {
        MessageOutput.changedAttributes(message, List.of());
        try {
            MessageOutput.response(message, operations.create(desired), LucidScimOutcome.CREATED);
        } catch (ScimConflictException e) {
            if (e.getKind() == ScimConflictException.Kind.EXISTS_IN_OTHER_ACCOUNT) {
                throw e;
            }
            throw new ScimConflictException("Upsert found no active user with " + matchAttribute + " '"
                                            + matchAttribute.valueOf(desired) + "', but Lucid refused to create one "
                                            + "(409): Lucid has an account for this userName or e-mail that it hides "
                                            + "from searches, either a user deactivated where this component did not "
                                            + "see it or a user of another Lucid account. What an admin can do: "
                                            + "reactivate the user in Lucid's admin panel (a user of another account "
                                            + "needs an invite from there); or give its id in the "
                                            + LucidScimConstants.RESOURCE_ID + " header, so that upsert reads it by id "
                                            + "and reactivates it (as operation=reactivate does); or, for the next "
                                            + "rehires, let the component see deactivations: give this endpoint and a "
                                            + "polling consumer with resolveRemoved=true the same stateRepository (and "
                                            + "stateKey)",
                    e.getKind(), e.getRequest(), e);
        }
    }

    private static LucidScimOutcome outcomeOf(ScimUser current, ScimUser desired) {
        boolean wasActive = !Boolean.FALSE.equals(current.active());
        if (desired.active() != null && desired.active() != wasActive) {
            return desired.active() ? LucidScimOutcome.REACTIVATED : LucidScimOutcome.DEACTIVATED;
        }
        return LucidScimOutcome.UPDATED;
    }
}
