package dev.lucidscim.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * A filter {@code <attribute> eq "<string>"} read from the raw query, with the JSON escapes of the value undone.
 * The SCIM library's filter grammar has no escapes (it ends a string at the first quote), so values holding quotes
 * or backslashes, which the component escapes as RFC 7644 says, are read here instead and matched by
 * {@link #matches}.
 *
 * <p>The quoted value is read by Jackson, not by the regular expression: a repeated alternation such as
 * {@code (?:[^"\\]|\\.)*} recurses once per character in {@link java.util.regex}, and a value of 2,000
 * characters overflowed the worker's stack.
 */
record StringEq(String attribute, String value) {

    private static final Pattern SINGLE_STRING_EQ = Pattern.compile(
            "\\s*((?:urn:[A-Za-z0-9:._-]+:)?[A-Za-z][A-Za-z0-9_$-]*(?:\\.[A-Za-z][A-Za-z0-9_$-]*)?)"
            + "\\s+(?i:eq)\\s+(\".*\")\\s*");
    /** Exactly one JSON string: {@code "a" or userName eq "b"} is not one, and is left to the library (a 400). */
    private static final ObjectReader JSON_STRING = new ObjectMapper().readerFor(String.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static Optional<StringEq> parse(String filter) {
        Matcher eq = filter == null ? null : SINGLE_STRING_EQ.matcher(filter);
        if (eq == null || !eq.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StringEq(eq.group(1), JSON_STRING.readValue(eq.group(2))));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The same comparison without the value, for the library to check the attribute: it never sees the value. */
    String placeholder() {
        return attribute + " eq \"x\"";
    }

    /** Whether the resource has the value at the attribute's path (any element of a multi-valued attribute). */
    boolean matches(JsonNode resource, boolean caseExact) {
        String path = attribute;
        JsonNode node = resource;
        if (attribute.startsWith("urn:")) {
            int split = attribute.lastIndexOf(':');
            node = resource.path(attribute.substring(0, split));
            path = attribute.substring(split + 1);
        }
        return matches(node, path.split("\\."), 0, caseExact);
    }

    private boolean matches(JsonNode node, String[] path, int depth, boolean caseExact) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (matches(element, path, depth, caseExact)) {
                    return true;
                }
            }
            return false;
        }
        if (depth == path.length) {
            return node.isTextual() && (caseExact ? node.asText().equals(value) : node.asText().equalsIgnoreCase(value));
        }
        return matches(node.path(path[depth]), path, depth + 1, caseExact);
    }
}
