package dev.lucidscim.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One request as the simulator saw it: what was asked, what was answered (status 0 when the connection was dropped
 * without an answer), how long it took, and which injected fault, if any, shaped the answer.
 *
 * @param path    the path below the SCIM base path, such as {@code /Users/lucid-1}
 * @param query   the raw query string, or null
 * @param body    the request body as text: empty when there was none and when it was not read (a request refused
 *                with 401 or 413); only its first bytes when {@code bodyCut}
 * @param bodyCut whether {@code body} was cut to the log's limit
 *                ({@link LucidScimSimulator.Builder#requestLogBodyLimit})
 * @param fault   a description of the injected fault, or null
 */
public record RecordedRequest(Instant at, String method, String path, String query, String body, boolean bodyCut,
                              int status, Duration duration, String fault) {

    /** This request with at most {@code maxBytes} bytes (UTF-8) of its body, cut between two characters. */
    RecordedRequest withBodyCutTo(int maxBytes) {
        // A char is at most 3 bytes in UTF-8 (a surrogate pair, 2 chars, is 4): most bodies need no counting.
        if ((long) body.length() * 3 <= maxBytes) {
            return this;
        }
        int bytes = 0;
        int end = 0;
        while (end < body.length()) {
            int codePoint = body.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                return new RecordedRequest(at, method, path, query, body.substring(0, end), true, status, duration,
                        fault);
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return this;
    }
}
