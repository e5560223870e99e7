package dev.lucidscim.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A query over {@code /Users} or {@code /Groups}: an optional filter, attribute selection ({@code attributes} or
 * {@code excludedAttributes}, not both) and paging. {@code startIndex} is 1-based.
 */
public record SearchQuery(String filter, String attributes, String excludedAttributes, int startIndex, int count) {

    public SearchQuery {
        if (attributes != null && !attributes.isBlank() && excludedAttributes != null && !excludedAttributes.isBlank()) {
            throw new IllegalArgumentException("Set attributes or excludedAttributes, not both: Lucid honours one");
        }
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex is 1-based and must be 1 or more, not " + startIndex);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count (page size) must be 1 or more, not " + count);
        }
    }

    public static SearchQuery all(int pageSize) {
        return new SearchQuery(null, null, null, 1, pageSize);
    }

    public static SearchQuery filtered(String filter, int pageSize) {
        return new SearchQuery(filter, null, null, 1, pageSize);
    }

    SearchQuery startingAt(int index) {
        return new SearchQuery(filter, attributes, excludedAttributes, index, count);
    }

    String toQueryString() {
        List<String> parameters = new ArrayList<>();
        add(parameters, "filter", filter);
        add(parameters, "attributes", attributes);
        add(parameters, "excludedAttributes", excludedAttributes);
        parameters.add("startIndex=" + startIndex);
        parameters.add("count=" + count);
        return String.join("&", parameters);
    }

    static void add(List<String> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.add(name + "=" + UriEncoding.encode(value));
        }
    }
}
