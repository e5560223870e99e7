package dev.lucidscim.client;

/**
 * How a PATCH removes members from a group. RFC 7644 (section 3.5.2.2) defines a remove by its path alone: without a
 * filter, {@code "path":"members"} removes every member, whatever a {@code value} lists, and a strict server does
 * just that. Lucid reads the {@code value} instead.
 */
public enum MemberRemoval {
    /** Lucid's documented form: one {@code {"op":"remove","path":"members","value":[{"value":"id"}, ...]}}. */
    VALUE_LIST,
    /** RFC 7644's form: one {@code {"op":"remove","path":"members[value eq \"id\"]"}} per member. */
    VALUE_FILTER
}
