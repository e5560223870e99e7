package dev.lucidscim.camel.producer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimResource;

/**
 * Decides what an update must change: PATCH {@code replace} operations for exactly the attributes of the desired
 * resource that differ from the current one. Only attributes the desired resource sets are compared, so a route that
 * sends names and e-mail never touches what it does not manage. Objects are compared on the sub-attributes given
 * (complex core attributes and extension attributes get one operation per differing sub-attribute), multi-valued
 * attributes as unordered sets, and {@code userName} and e-mail addresses without regard to case.
 */
public final class AttributeDiff {

    /** Never compared: server-assigned, read-only or write-only. */
    private static final Set<String> NOT_COMPARED = Set.of("id", "meta", "schemas", "groups", "password", "members");
    private static final Set<String> CASE_INSENSITIVE = Set.of("userName", "emails.value");

    private AttributeDiff() {
    }

    public static List<PatchOperation> between(ScimResource current, ScimResource desired) {
        JsonNode have = ScimJson.toTree(current);
        JsonNode want = ScimJson.toTree(desired);
        List<PatchOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> attribute = it.next();
            String name = attribute.getKey();
            if (NOT_COMPARED.contains(name) || matches(have.get(name), attribute.getValue(), name)) {
                continue;
            }
            if (attribute.getValue().isObject() && isObject(have.get(name))) {
                // name.givenName for core complex attributes, urn:...:department for extension attributes
                String separator = name.startsWith("urn:") ? ":" : ".";
                subAttributeOperations(name + separator, have.get(name), attribute.getValue(), operations);
            } else {
                operations.add(PatchOperation.replace(name, ScimJson.convert(attribute.getValue(), Object.class)));
            }
        }
        return operations;
    }

    private static void subAttributeOperations(String prefix, JsonNode have, JsonNode want,
                                               List<PatchOperation> operations) {
        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> sub = it.next();
            String path = prefix + sub.getKey();
            JsonNode current = have.get(sub.getKey());
            if (matches(current, sub.getValue(), path)) {
                continue;
            }
            if (prefix.startsWith("urn:") && sub.getValue().isObject() && isObject(current)) {
                // An object inside an extension (productLicenses, manager): one operation per differing field.
                subAttributeOperations(path + ".", current, sub.getValue(), operations);
            } else {
                operations.add(PatchOperation.replace(path, ScimJson.convert(sub.getValue(), Object.class)));
            }
        }
    }

    /** Whether {@code have} already holds everything {@code want} says. */
    static boolean matches(JsonNode have, JsonNode want, String path) {
        if (have == null || have.isNull()) {
            return want == null || want.isNull();
        }
        if (want.isObject()) {
            if (!have.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!matches(have.get(field.getKey()), field.getValue(), path + "." + field.getKey())) {
                    return false;
                }
            }
            return true;
        }
        if (want.isArray()) {
            return have.isArray() && have.size() == want.size() && sameElements(have, want, path);
        }
        if (want.isTextual() && have.isTextual() && CASE_INSENSITIVE.contains(stripUrn(path))) {
            return want.asText().equalsIgnoreCase(have.asText());
        }
        if (want.isNumber() && have.isNumber()) {
            // 3, 3L and 3.0 are the same value whichever way the route or Lucid wrote them.
            return want.decimalValue().compareTo(have.decimalValue()) == 0;
        }
        return want.equals(have);
    }

    /** Unordered comparison: each wanted element matches a distinct element that is there. */
    private static boolean sameElements(JsonNode have, JsonNode want, String path) {
        List<JsonNode> unmatched = new ArrayList<>();
        have.forEach(unmatched::add);
        for (JsonNode wanted : want) {
            Iterator<JsonNode> candidates = unmatched.iterator();
            boolean found = false;
            while (candidates.hasNext()) {
                if (matches(candidates.next(), wanted, path)) {
                    candidates.remove();
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    private static String stripUrn(String path) {
        return path.startsWith("urn:") ? path.substring(path.lastIndexOf(':') + 1) : path;
    }
}
