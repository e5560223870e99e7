package dev.lucidscim.camel;

/** What the consumer emits each poll. */
public enum LucidScimConsumerMode {
    /** Only what changed since the previous poll, with the kind of change; state is kept between polls. */
    changes,
    /** Every listed resource, each poll; no state is kept. */
    all
}
