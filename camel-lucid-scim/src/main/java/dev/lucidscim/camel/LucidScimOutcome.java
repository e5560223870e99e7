package dev.lucidscim.camel;

/** Values of the {@code CamelLucidScimOutcome} header: what an operation did to Lucid. */
public enum LucidScimOutcome {
    created,
    updated,
    /** Upsert found nothing to change and sent no write. */
    unchanged,
    deactivated,
    reactivated,
    deleted,
    membersAdded,
    membersRemoved
}
