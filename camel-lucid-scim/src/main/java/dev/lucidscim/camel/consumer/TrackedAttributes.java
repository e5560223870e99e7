package dev.lucidscim.camel.consumer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The attributes whose previous values the consumer keeps, so that a route can see what an update changed (a
 * department, a manager, membership) without the state holding whole resources. Paths are SCIM attribute paths:
 * {@code title}, {@code name.givenName}, {@code urn:...:enterprise:2.0:User:department}.
 */
public final class TrackedAttributes {

    public static final String USER_DEFAULT = "userName,externalId,active,title,"
                                              + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department,"
                                              + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager";
    public static final String GROUP_DEFAULT = "displayName,externalId,members";

    /** A path split into the object that holds it (the resource or an extension) and the attribute names below. */
    private record Path(String text, String schema, String[] names) {
    }

    private final List<Path> paths;

    private TrackedAttributes(List<Path> paths) {
        this.paths = paths;
    }

    public static TrackedAttributes of(String commaSeparated) {
        List<Path> paths = new ArrayList<>();
        for (String path : commaSeparated.split(",")) {
            String text = path.strip();
            if (text.isEmpty()) {
                continue;
            }
            int split = text.startsWith("urn:") ? text.lastIndexOf(':') : -1;
            String schema = split < 0 ? null : text.substring(0, split);
            paths.add(new Path(text, schema, text.substring(split + 1).split("\\.")));
        }
        return new TrackedAttributes(paths);
    }

    /** The resource's id and tracked attributes, in the resource's own shape. */
    public ObjectNode select(JsonNode resource) {
        ObjectNode selected = JsonNodeFactory.instance.objectNode();
        if (resource.has("id")) {
            selected.set("id", resource.get("id"));
        }
        for (Path path : paths) {
            JsonNode value = valueAt(resource, path);
            if (value != null) {
                ObjectNode holder = path.schema() == null ? selected : selected.withObjectProperty(path.schema());
                for (int i = 0; i < path.names().length - 1; i++) {
                    holder = holder.withObjectProperty(path.names()[i]);
                }
                holder.set(path.names()[path.names().length - 1], value);
            }
        }
        return selected;
    }

    /** The tracked paths whose values differ between two selections. */
    public List<String> differences(JsonNode before, JsonNode after) {
        return paths.stream().filter(path -> !equal(valueAt(before, path), valueAt(after, path)))
                .map(Path::text).toList();
    }

    @Override
    public String toString() {
        return String.join(",", paths.stream().map(Path::text).toList());
    }

    private static JsonNode valueAt(JsonNode resource, Path path) {
        JsonNode node = path.schema() == null ? resource : resource.path(path.schema());
        for (String name : path.names()) {
            node = node.path(name);
        }
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        return a == null ? b == null : a.equals(b);
    }
}
