package dev.lucidscim.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lucidscim.client.WriteRequest;
import dev.lucidscim.model.AttributePath;

/**
 * The attributes one write changes, with their values before and after, as the ledger records them: one change per
 * leaf attribute ({@code name.givenName}, {@code urn:...:User:department}, {@code urn:...:User:manager.value}; a
 * multi-valued attribute such as {@code emails} as a whole), one per member of a group. A password is recorded as
 * the path {@code password} with both values null; ids, {@code meta}, {@code schemas} and {@code groups} (which the
 * server keeps) are not recorded.
 */
public final class WriteChanges {

    private static final String PASSWORD = "password";
    private static final String MEMBERS = "members";
    private static final Set<String> NOT_RECORDED = Set.of("id", "meta", "schemas", "groups");
    private static final Pattern MEMBER_FILTER = Pattern.compile("members\\[value eq \"(.*)\"]");

    private WriteChanges() {
    }

    /**
     * Whether the write's operations tell every value before and after, so that nothing needs reading before it: a
     * PATCH of a group's members only (an added member was not there, a removed one was).
     */
    public static boolean toldByOperations(WriteRequest request) {
        if (!"PATCH".equals(request.method()) || request.sent() == null) {
            return false;
        }
        JsonNode operations = request.sent().path("Operations");
        if (operations.isEmpty()) {
            return false;
        }
        for (JsonNode operation : operations) {
            String path = operation.path("path").asText("");
            boolean membersAddedOrRemoved = !"replace".equalsIgnoreCase(operation.path("op").asText())
                                            && (path.equals(MEMBERS) || MEMBER_FILTER.matcher(path).matches());
            if (!membersAddedOrRemoved) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param before   the resource before the write, or null when it had none (a POST) or is unknown
     * @param answered the resource the answer holds, or null
     */
    public static List<AttributeChange> of(WriteRequest request, JsonNode before, JsonNode answered) {
        return switch (request.method()) {
            case "POST" -> difference(Map.of(), leaves(request.sent()));
            case "PUT" -> difference(leaves(before), leaves(request.sent()));
            case "DELETE" -> difference(leaves(before), Map.of());
            default -> patched(request.sent(), before, answered);
        };
    }

    /** The changes of {@code before} into {@code after}, leaf by leaf; a password only as its path. */
    private static List<AttributeChange> difference(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<AttributeChange> changes = new ArrayList<>();
        for (String path : paths) {
            if (path.equals(PASSWORD)) {
                changes.add(new AttributeChange(PASSWORD, null, null));
            } else if (!Objects.equals(before.get(path), after.get(path))) {
                changes.add(new AttributeChange(path, before.get(path), after.get(path)));
            }
        }
        return changes;
    }

    private static List<AttributeChange> patched(JsonNode patch, JsonNode before, JsonNode answered) {
        List<AttributeChange> changes = new ArrayList<>();
        for (JsonNode operation : patch.path("Operations")) {
            String op = operation.path("op").asText().toLowerCase(Locale.ROOT);
            String path = operation.hasNonNull("path") ? operation.get("path").asText() : null;
            JsonNode value = operation.get("value");
            Matcher oneMember = MEMBER_FILTER.matcher(path == null ? "" : path);
            if (oneMember.matches()) {
                changes.add(memberChange(op, oneMember.group(1)));
            } else if (MEMBERS.equals(path) && !op.equals("replace") && value != null) {
                value.forEach(member -> changes.add(memberChange(op, member.path("value").asText())));
            } else if (MEMBERS.equals(path)) {
                // a replace of every member (or a remove of all): the members before against the members sent
                changes.addAll(difference(members(before), members(op.equals("remove") ? null : groupOf(value))));
            } else if (path != null && path.contains("[")) {
                // a filtered path (emails[type eq "work"].value): the whole attribute, as before and as answered
                String attribute = path.substring(0, path.indexOf('['));
                changes.add(new AttributeChange(attribute, at(before, attribute), at(answered, attribute)));
            } else {
                Map<String, JsonNode> after = new LinkedHashMap<>();
                if (path == null) {
                    flatten(null, value, after);
                } else {
                    flatten(path, value, after);
                }
                after.forEach((leaf, newValue) -> changes.add(leaf.equals(PASSWORD)
                        ? new AttributeChange(PASSWORD, null, null)
                        : new AttributeChange(leaf, at(before, leaf), op.equals("remove") ? null : newValue)));
                if (after.isEmpty() && op.equals("remove") && path != null) {
                    changes.add(new AttributeChange(path, at(before, path), null));
                }
            }
        }
        return changes;
    }

    private static JsonNode groupOf(JsonNode members) {
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        group.set(MEMBERS, members);
        return group;
    }

    private static AttributeChange memberChange(String op, String memberId) {
        TextNode id = TextNode.valueOf(memberId);
        return op.equals("remove") ? new AttributeChange(AttributeChange.memberPath(memberId), id, null)
                : new AttributeChange(AttributeChange.memberPath(memberId), null, id);
    }

    private static Map<String, JsonNode> members(JsonNode group) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        if (group != null) {
            group.path(MEMBERS).forEach(member -> members.put(AttributeChange.memberPath(member.path("value")
                    .asText()), member.path("value")));
        }
        return members;
    }

    private static JsonNode at(JsonNode resource, String path) {
        return resource == null ? null : AttributePath.of(path).valueIn(resource);
    }

    /** Every leaf of a resource, by path; members one by one. */
    static Map<String, JsonNode> leaves(JsonNode resource) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        if (resource != null) {
            flatten(null, resource, leaves);
        }
        return leaves;
    }

    /**
     * The leaves of {@code value} at {@code prefix} (null: the resource itself). Below the resource, a key that is a
     * schema URN holds an extension, whose attributes are {@code <urn>:<name>}; below any other attribute,
     * sub-attributes are {@code <attribute>.<name>}; arrays are leaves.
     */
    private static void flatten(String prefix, JsonNode value, Map<String, JsonNode> leaves) {
        if (prefix == null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                if (NOT_RECORDED.contains(name)) {
                    continue;
                }
                if (name.equals(MEMBERS)) {
                    leaves.putAll(members(value));
                } else {
                    flatten(name, field.getValue(), leaves);
                }
            }
            return;
        }
        if (value == null || value.isNull()) {
            leaves.put(prefix, null);
            return;
        }
        if (!value.isObject()) {
            leaves.put(prefix, value);
            return;
        }
        String separator = isSchema(prefix) ? ":" : ".";
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            flatten(prefix + separator + field.getKey(), field.getValue(), leaves);
        }
    }

    /** A schema URN ends with the resource type's name (...:2.0:User); an attribute in it ends with its name. */
    private static boolean isSchema(String path) {
        if (!path.startsWith("urn:")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf(':') + 1);
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) && !last.contains(".");
    }
}
