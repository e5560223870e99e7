package dev.lucidscim.client;

import dev.lucidscim.error.OneLine;
import dev.lucidscim.error.ScimValidationException;

/**
 * Checks and encodes resource ids. An id becomes exactly one path segment: ids with {@code /}, {@code \},
 * {@code ..}, control characters or unpaired surrogates, and the id {@code .}, are rejected before any request, and
 * the rest is percent-encoded.
 */
public final class ResourceIds {

    private static final int MAX_LENGTH = 512;

    private ResourceIds() {
    }

    /** Returns the id as an encoded path segment, or throws {@link ScimValidationException} naming the problem. */
    public static String toPathSegment(String id) {
        String problem = problemWith(id);
        if (problem != null) {
            throw ScimValidationException.beforeRequest(problem);
        }
        return UriEncoding.encode(id);
    }

    /** What is wrong with an id, or null when it can be sent. */
    public static String problemWith(String id) {
        if (id == null || id.isBlank()) {
            return "No resource id: set the CamelLucidScimResourceId header or the body's id";
        }
        if (id.length() > MAX_LENGTH) {
            return "Resource id is longer than " + MAX_LENGTH + " characters";
        }
        // "." alone is a dot segment as much as "..": a server or proxy that normalises the path drops it.
        if (id.contains("/") || id.contains("\\") || id.contains("..") || id.equals(".")) {
            return "Resource id " + OneLine.quoted(id) + " contains '/', '\\' or '..', or is '.': an id is one path segment, such "
                   + "as lucid-1234";
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            return "Resource id contains control characters";
        }
        // UTF-8 has no encoding for a lone surrogate: it would reach Lucid as '?', the id of another resource.
        if (id.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            return "Resource id contains an unpaired surrogate: it is not valid Unicode";
        }
        if (!id.equals(id.strip())) {
            return "Resource id " + OneLine.quoted(id) + " has leading or trailing blanks";
        }
        return null;
    }
}
