package dev.lucidscim.camel.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.model.ScimJson;

/**
 * What the consumer remembers of a resource between polls: a fingerprint of the whole resource (to see that it
 * changed), its tracked attributes (to say what changed), and whether it was removed (a tombstone: Lucid hides
 * deactivated users, and reconcile finds them again through these ids). Stored as one string per resource.
 */
public record KnownResource(String fingerprint, boolean removed, ObjectNode tracked) {

    private static final String VERSION = "1";

    public KnownResource asRemoved() {
        return new KnownResource(fingerprint, true, tracked);
    }

    String encode() {
        return VERSION + "|" + fingerprint + "|" + (removed ? "r" : "l") + "|" + tracked;
    }

    static KnownResource decode(String state) {
        String[] parts = state.split("\\|", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("Unreadable lucid-scim consumer state: " + state.substring(0,
                    Math.min(40, state.length())));
        }
        try {
            JsonNode tracked = ScimJson.readTree(parts[3].getBytes(StandardCharsets.UTF_8));
            return new KnownResource(parts[1], parts[2].equals("r"), (ObjectNode) tracked);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable lucid-scim consumer state", e);
        }
    }
}
