package dev.lucidscim.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A SCIM attribute path ({@code title}, {@code name.givenName}, {@code urn:...:enterprise:2.0:User:department}) and
 * how to find it in, or copy it into, a resource's JSON.
 */
public final class AttributePath {

    private final String text;
    private final String schema;
    private final String[] names;

    private AttributePath(String text, String schema, String[] names) {
        this.text = text;
        this.schema = schema;
        this.names = names;
    }

    public static AttributePath of(String path) {
        String text = path.strip();
        int split = text.startsWith("urn:") ? text.lastIndexOf(':') : -1;
        return new AttributePath(text, split < 0 ? null : text.substring(0, split),
                text.substring(split + 1).split("\\."));
    }

    /** The value at this path, or null when the resource has none. */
    public JsonNode valueIn(JsonNode resource) {
        JsonNode node = schema == null ? resource : resource.path(schema);
        for (String name : names) {
            node = node.path(name);
        }
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    /** Sets the value at this path in {@code target}, creating the objects on the way. */
    public void copyTo(ObjectNode target, JsonNode value) {
        ObjectNode holder = schema == null ? target : target.withObjectProperty(schema);
        for (int i = 0; i < names.length - 1; i++) {
            holder = holder.withObjectProperty(names[i]);
        }
        holder.set(names[names.length - 1], value);
    }

    /**
     * Removes the value at this path from {@code target}, and the objects on the way that it leaves empty.
     *
     * @return whether there was a value to remove
     */
    public boolean removeFrom(ObjectNode target) {
        if (target.has(text)) {
            // a whole extension, such as urn:...:lucid:2.0:User
            target.remove(text);
            return true;
        }
        return removeFrom(target, schema == null ? 0 : -1);
    }

    /** @param level -1 for the schema's object, else the index in {@link #names} */
    private boolean removeFrom(ObjectNode holder, int level) {
        String name = level < 0 ? schema : names[level];
        if (level == names.length - 1) {
            return holder.remove(name) != null;
        }
        JsonNode child = holder.get(name);
        if (!(child instanceof ObjectNode inner) || !removeFrom(inner, level + 1)) {
            return false;
        }
        if (inner.isEmpty()) {
            holder.remove(name);
        }
        return true;
    }

    /**
     * Whether this path is {@code other} or lies inside it: {@code name.givenName} inside {@code name},
     * {@code urn:...:User:productLicenses.Lucidchart} inside {@code urn:...:User:productLicenses} and inside the
     * whole extension {@code urn:...:User}.
     */
    public boolean isWithin(AttributePath other) {
        return text.equals(other.text) || text.startsWith(other.text + ".") || text.startsWith(other.text + ":");
    }

    @Override
    public String toString() {
        return text;
    }
}
