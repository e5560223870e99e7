package dev.lucidscim.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One request as the simulator saw it: what was asked, what was answered (status 0 when the connection was dropped
 * without an answer), how long it took, and which injected fault, if any, shaped the answer.
 *
 * @param path  the path below the SCIM base path, such as {@code /Users/lucid-1}
 * @param query the raw query string, or null
 * @param body  the request body as text (empty when there was none)
 * @param fault a description of the injected fault, or null
 */
public record RecordedRequest(Instant at, String method, String path, String query, String body, int status,
                              Duration duration, String fault) {
}
