package dev.lucidscim.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What is known of a resource before a write of it.
 *
 * @param resource the resource as JSON, or null
 * @param unknown  why it is not known when it was wanted (its read failed), else null
 */
public record ResourceBefore(JsonNode resource, String unknown) {

    /** Nothing was wanted: a POST (there is nothing before), or a write whose operations tell it all. */
    public static final ResourceBefore NOT_NEEDED = new ResourceBefore(null, null);

    public static ResourceBefore known(JsonNode resource) {
        return new ResourceBefore(resource, null);
    }

    public static ResourceBefore unknown(String why) {
        return new ResourceBefore(null, why);
    }
}
