package dev.lucidscim.examples.queue;

/**
 * What became of one event: provisioned, with the component's outcome ({@code created}, {@code updated},
 * {@code unchanged}, {@code deactivated}), or dead-lettered, with the reason.
 *
 * @param event    the event, as {@link ProvisioningEvent#describe()} puts it
 * @param outcome  the component's outcome, or {@value #DEAD_LETTERED}
 * @param attempts deliveries it took: 1, or more after redeliveries
 * @param failure  why it was dead-lettered ({@code ExceptionClass: message}), or null
 */
public record EventResult(String event, String outcome, int attempts, String failure) {

    public static final String DEAD_LETTERED = "dead-lettered";

    public static EventResult provisioned(String event, String outcome, int attempts) {
        return new EventResult(event, outcome, attempts, null);
    }

    public static EventResult deadLettered(String event, Throwable cause, int attempts) {
        return new EventResult(event, DEAD_LETTERED, attempts, cause.getClass().getSimpleName() + ": "
                                                              + cause.getMessage());
    }

    public boolean isDeadLettered() {
        return failure != null;
    }

    /** One line for the console: {@code joiner E1 a@example.com: created (2 attempts)}. */
    public String describe() {
        return event + ": " + outcome + (attempts > 1 ? " (" + attempts + " attempts)" : "")
               + (isDeadLettered() ? ": " + failure : "");
    }
}
