package dev.lucidscim.camel;

/** Values of the consumer's {@code CamelLucidScimChangeType} header: what happened to a resource since the last poll. */
public enum LucidScimChangeType {
    /** Listed for the first time. */
    created,
    /** Listed with different attributes (or, for groups, members). */
    updated,
    /** No longer listed: deactivated or deleted (Lucid hides deactivated users); see resolveRemoved. */
    removed,
    /** With resolveRemoved: no longer listed, and Lucid returns it by id as inactive. */
    deactivated,
    /** With resolveRemoved: no longer listed, and Lucid no longer knows it. */
    deleted,
    /** Listed again after it was removed: a deactivated user made active again. */
    reactivated
}
