package dev.lucidscim.camel.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.camel.audit.AuditScope;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.client.ScimResponse;
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
 * Attributes the tenant does not keep ({@link AttributeConvergence}) are left out of the diff and of a create; a
 * write whose answer shows a written attribute not kept makes it one of them. Both kinds are named in the
 * {@code CamelLucidScimIgnoredAttributes} header, and an update that changed nothing the tenant keeps has the
 * outcome {@code unchanged} (its request was still sent, and its status is in the headers).
 * Lucid hides deactivated users from searches, so a rehire the component never saw deactivated is created, and
 * Lucid answers 409. That ends in a {@link ScimConflictException} that says what the admin can do: never in a retry
 * loop.
 */
final class UserUpsert {

    private final ScimResourceClient<ScimUser> users;
    private final ResourceOperations<ScimUser> operations;
    private final LucidScimMatchAttribute matchAttribute;
    private final KnownDeactivations deactivations;
    private final AttributeConvergence convergence;

    UserUpsert(ScimResourceClient<ScimUser> users, ResourceOperations<ScimUser> operations,
               LucidScimMatchAttribute matchAttribute, KnownDeactivations deactivations,
               AttributeConvergence convergence) {
        this.users = users;
        this.operations = operations;
        this.matchAttribute = matchAttribute;
        this.deactivations = deactivations;
        this.convergence = convergence;
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
                MessageOutput.ignoredAttributes(message, List.of());
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
        AttributeConvergence.Kept writable = convergence.keep(current, desired);
        List<String> ignored = new ArrayList<>(writable.leftOut());
        ScimUser kept = writable.user();
        List<PatchOperation> changes = AttributeDiff.between(current, kept);
        if (changes.isEmpty()) {
            MessageOutput.changedAttributes(message, List.of());
            MessageOutput.ignoredAttributes(message, ignored);
            MessageOutput.unchanged(message, current);
            return;
        }
        LucidScimOutcome outcome = outcomeOf(current, kept);
        AuditScope.current().knowBefore(List.of(current));
        ScimUser answered = operations.patch(exchange, current.id(), PatchRequest.of(changes), outcome).resource();
        List<String> notKept = convergence.notKeptAfterPatch(changes, kept, answered);
        List<String> changed = changes.stream().map(PatchOperation::path).filter(path -> !notKept.contains(path))
                .toList();
        ignored.addAll(notKept);
        MessageOutput.changedAttributes(message, changed);
        MessageOutput.ignoredAttributes(message, ignored);
        if (outcome == LucidScimOutcome.UPDATED && changed.isEmpty()) {
            // the tenant kept every value written: nothing changed that a reader of the outcome cares about
            MessageOutput.outcome(message, LucidScimOutcome.UNCHANGED);
        }
        deactivations.record(outcome, current.id(), answered != null ? answered : current);
    }

    private void create(Message message, ScimUser desired) {
        MessageOutput.changedAttributes(message, List.of());
        AttributeConvergence.Kept writable = convergence.keep(null, desired);
        List<String> ignored = new ArrayList<>(writable.leftOut());
        ScimUser sent = writable.user();
        try {
            ScimResponse<ScimUser> created = operations.create(sent);
            MessageOutput.response(message, created, LucidScimOutcome.CREATED);
            ignored.addAll(convergence.notKeptAfterCreate(sent, created.resource()));
            MessageOutput.ignoredAttributes(message, ignored);
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
