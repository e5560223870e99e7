package dev.lucidscim.camel.producer;

import java.util.Optional;

import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.camel.LucidScimOutcome;
import dev.lucidscim.client.ScimResourceClient;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;

/**
 * The user-only operations: deactivate and reactivate (PATCH {@code active}, kept in the tombstones shared with the
 * consumer and reconcile when a state repository is configured), the guard on hard deletes, and the way to find the
 * user when only a {@code userName} is known.
 */
final class UserOperations {

    private static final PatchRequest DEACTIVATE = PatchRequest.of(PatchOperation.replace("active", false));
    private static final PatchRequest REACTIVATE = PatchRequest.of(PatchOperation.replace("active", true));

    private final ScimResourceClient<ScimUser> users;
    private final ResourceOperations<ScimUser> operations;
    private final boolean allowHardDelete;
    private final KnownDeactivations deactivations;

    UserOperations(ScimResourceClient<ScimUser> users, ResourceOperations<ScimUser> operations,
                   boolean allowHardDelete, KnownDeactivations deactivations) {
        this.users = users;
        this.operations = operations;
        this.allowHardDelete = allowHardDelete;
        this.deactivations = deactivations;
    }

    /**
     * Deactivates the user given by id (header or body) or, failing that, by the body's {@code userName}. A userName
     * that matches no active user needs nothing done: outcome {@code unchanged} (Lucid hides deactivated users, so
     * an already deactivated user and an unknown one look the same).
     */
    void deactivate(Exchange exchange) {
        Optional<String> givenId = MessageInput.optionalIdFromHeaderOrBody(exchange, ScimUser.class,
                LucidScimOperation.DEACTIVATE);
        // what the tombstone is keyed by if Lucid's answer has no body: the user found, else a typed body
        ScimUser lastSeen = exchange.getMessage().getBody() instanceof ScimUser sent ? sent : null;
        String id;
        if (givenId.isPresent()) {
            id = givenId.get();
        } else {
            lastSeen = findActiveByUserName(exchange);
            if (lastSeen == null) {
                MessageOutput.unchanged(exchange.getMessage(), null);
                return;
            }
            id = lastSeen.id();
        }
        ScimUser answered = operations.patch(exchange, id, DEACTIVATE, LucidScimOutcome.DEACTIVATED).resource();
        deactivations.record(LucidScimOutcome.DEACTIVATED, id, answered != null ? answered : lastSeen);
    }

    /** Reactivates by id only: a deactivated user cannot be found by userName, since Lucid hides it from searches. */
    void reactivate(Exchange exchange) {
        String id = MessageInput.optionalIdFromHeaderOrBody(exchange, ScimUser.class, LucidScimOperation.REACTIVATE)
                .orElseThrow(() -> ScimValidationException.beforeRequest("reactivate needs the user's id "
                        + "(CamelLucidScimResourceId header or the body's id): Lucid hides deactivated users from "
                        + "searches, so they cannot be found by userName"));
        operations.patch(exchange, id, REACTIVATE, LucidScimOutcome.REACTIVATED);
        deactivations.record(LucidScimOutcome.REACTIVATED, id, null);
    }

    void delete(Exchange exchange) {
        if (!allowHardDelete) {
            throw ScimValidationException.beforeRequest("Refusing to delete a Lucid user: DELETE is permanent and "
                                                        + "transfers the user's documents. Use operation=deactivate, "
                                                        + "or set allowHardDelete=true if a hard delete is meant");
        }
        operations.delete(exchange);
    }

    private ScimUser findActiveByUserName(Exchange exchange) {
        ScimUser body = MessageInput.body(exchange, ScimUser.class, LucidScimOperation.DEACTIVATE);
        if (body.userName() == null || body.userName().isBlank()) {
            throw ScimValidationException.beforeRequest("deactivate needs the user's id (CamelLucidScimResourceId "
                                                        + "header or the body's id) or a body with its userName");
        }
        return users.findUnique("userName", body.userName()).orElse(null);
    }
}
