package dev.lucidscim.examples.queue;

import org.apache.camel.Message;

/**
 * What a dead-lettered event carries besides its original body and headers: why it failed and after how many
 * deliveries. The names are plain JMS property names (no dots, no {@code Camel} prefix, which camel-jms filters out).
 */
public final class DeadLetterHeaders {

    /** The exception's class, such as {@code dev.lucidscim.error.ScimConflictException}. */
    public static final String ERROR_CLASS = "LucidProvisioningErrorClass";
    /** The exception's message: what went wrong and what to do (never the token). */
    public static final String ERROR_MESSAGE = "LucidProvisioningErrorMessage";
    /** Deliveries made before giving up: 1 for a permanent failure, 1 + redeliveries for a transient one. */
    public static final String ATTEMPTS = "LucidProvisioningAttempts";

    private DeadLetterHeaders() {
    }

    public static void apply(Message message, Throwable cause, int attempts) {
        message.setHeader(ERROR_CLASS, cause.getClass().getName());
        message.setHeader(ERROR_MESSAGE, cause.getMessage());
        message.setHeader(ATTEMPTS, attempts);
    }
}
