package dev.lucidscim.examples.springboot.changecontrol;

import java.time.Instant;

import dev.lucidscim.plan.ChangePlan;

/**
 * A plan waiting for an approver, as the page shows it.
 *
 * @param plan   every write it would make, with the attributes before and after
 * @param reason why it was not applied at once (the deletion breaker's message)
 * @param stored when it was stored as pending
 */
public record PendingApproval(ChangePlan plan, String reason, Instant stored) {
}
