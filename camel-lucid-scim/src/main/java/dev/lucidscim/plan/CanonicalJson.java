package dev.lucidscim.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.model.ScimJson;

/**
 * A value's JSON with every object's fields in name order, so that the same content always gives the same text, and
 * its SHA-256: what a plan's {@code rosterDigest} is.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** SHA-256, hex, of the value's canonical JSON. */
    public static String sha256(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ScimJson.toJson(sorted(ScimJson.toTree(value))).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode ordered = JsonNodeFactory.instance.objectNode();
            fields.forEach(ordered::set);
            return ordered;
        }
        if (node.isArray()) {
            var elements = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> elements.add(sorted(element)));
            return elements;
        }
        return node;
    }
}
