package dev.lucidscim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies for the model's records, so that a resource cannot change after it was built or read. */
final class Attributes {

    private Attributes() {
    }

    /** An unmodifiable, order-keeping copy; never null, so that unknown attributes can always be iterated. */
    static <V> Map<String, V> copyOf(Map<String, V> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** An unmodifiable copy that keeps null as null: a missing multi-valued attribute is not an empty one. */
    static <V> Map<String, V> copyOfNullable(Map<String, V> attributes) {
        return attributes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** An unmodifiable copy that keeps null as null (null means "not given", empty means "none"). */
    static <T> List<T> copyOfNullable(List<T> values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
