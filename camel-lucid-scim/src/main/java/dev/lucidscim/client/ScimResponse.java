package dev.lucidscim.client;

/**
 * A successful answer: status, the resource the server returned (null for 204 No Content), its {@code ETag}
 * (weak or strong, as sent) and {@code Location}.
 */
public record ScimResponse<T>(int status, T resource, String etag, String location) {
}
