package dev.lucidscim.camel;

/** The SCIM resource an endpoint works on: the path part of {@code lucid-scim:users} and {@code lucid-scim:groups}. */
public enum LucidScimResource {
    users,
    groups
}
