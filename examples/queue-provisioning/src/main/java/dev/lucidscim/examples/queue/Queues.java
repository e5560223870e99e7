package dev.lucidscim.examples.queue;

/** The example's two queues. An external broker must have both, or let clients create them. */
public final class Queues {

    /** Where joiner, mover and leaver events arrive. */
    public static final String EVENTS = "lucid.provisioning.events";
    /** Where events that cannot be provisioned end, with the reason in headers. */
    public static final String DEAD_LETTERS = "lucid.provisioning.DLQ";

    private Queues() {
    }

    /** The camel-jms endpoint of a queue. */
    public static String jms(String queue) {
        return "jms:queue:" + queue;
    }
}
