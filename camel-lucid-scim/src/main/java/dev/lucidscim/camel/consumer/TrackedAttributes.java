package dev.lucidscim.camel.consumer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.model.AttributePath;

/**
 * The attributes whose previous values the consumer keeps, so that a route can see what an update changed (a
 * department, a manager, membership) without the state holding whole resources. Paths are SCIM attribute paths:
 * {@code title}, {@code name.givenName}, {@code urn:...:enterprise:2.0:User:department}. Each resource's default is
 * {@code LucidScimResource.defaultTrackedAttributes()}.
 */
public final class TrackedAttributes {

    private final List<AttributePath> paths;

    private TrackedAttributes(List<AttributePath> paths) {
        this.paths = paths;
    }

    public static TrackedAttributes of(String commaSeparated) {
        return new TrackedAttributes(Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(path -> !path.isEmpty()).map(AttributePath::of).toList());
    }

    /**
     * The resource's id, a user's {@code active} (kept whether tracked or not: a listed user going from active to
     * inactive is a deactivation) and the tracked attributes, in the resource's own shape.
     */
    public ObjectNode select(JsonNode resource) {
        ObjectNode selected = JsonNodeFactory.instance.objectNode();
        for (String alwaysKept : List.of("id", "active")) {
            if (resource.has(alwaysKept)) {
                selected.set(alwaysKept, resource.get(alwaysKept));
            }
        }
        for (AttributePath path : paths) {
            JsonNode value = path.valueIn(resource);
            if (value != null) {
                path.copyTo(selected, value);
            }
        }
        return selected;
    }

    /** The tracked paths whose values differ between two selections. */
    public List<String> differences(JsonNode before, JsonNode after) {
        return paths.stream().filter(path -> !Objects.equals(path.valueIn(before), path.valueIn(after)))
                .map(AttributePath::toString).toList();
    }

    @Override
    public String toString() {
        return String.join(",", paths.stream().map(AttributePath::toString).toList());
    }
}
