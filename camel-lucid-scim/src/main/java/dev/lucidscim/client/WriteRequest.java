package dev.lucidscim.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A write as sent.
 *
 * @param resourceType {@code User} or {@code Group}
 * @param method       {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param id           the resource written, null for a POST
 * @param sent         the request body as JSON (null for a DELETE); may hold a password
 */
public record WriteRequest(String resourceType, String method, String id, JsonNode sent) {
}
