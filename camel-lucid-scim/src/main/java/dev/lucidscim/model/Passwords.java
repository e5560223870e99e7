package dev.lucidscim.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where SCIM JSON holds a password: an attribute named {@code password} (any schema, any depth) and the value of a
 * PATCH operation whose path is {@code password}. The one place that knows it, for masking what a server echoes and
 * for the text forms of a body, which never carry one.
 */
public final class Passwords {

    private Passwords() {
    }

    /** Every password the document holds. */
    public static List<String> in(JsonNode document) {
        List<String> found = new ArrayList<>();
        visit(document, found, false);
        return found;
    }

    /** Removes every password from the document, in place; returns it. */
    public static JsonNode remove(JsonNode document) {
        visit(document, new ArrayList<>(), true);
        return document;
    }

    private static void visit(JsonNode node, List<String> found, boolean remove) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isPassword(field.getKey()) && field.getValue().isValueNode()) {
                    found.add(field.getValue().asText());
                    if (remove) {
                        fields.remove();
                    }
                } else {
                    visit(field.getValue(), found, remove);
                }
            }
            if (isPassword(node.path("path").asText()) && node.path("value").isValueNode()) {
                found.add(node.path("value").asText());
                if (remove) {
                    ((ObjectNode) node).remove("value");
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> visit(element, found, remove));
        }
    }

    private static boolean isPassword(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith("password");
    }
}
