package dev.lucidscim.camel.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.model.ScimJson;

/**
 * What the consumer remembers of a resource between polls: a fingerprint of the whole resource (to see that it
 * changed), its tracked attributes (to say what changed), and whether it was removed (a tombstone: Lucid hides
 * deactivated users, and reconcile finds them again through these ids). Stored as one string per resource; the
 * tracked attributes are only parsed when asked for, since most polls find most resources unchanged.
 */
public final class KnownResource {

    private static final String VERSION = "1";

    private final String fingerprint;
    private final boolean removed;
    private final String trackedJson;
    private ObjectNode tracked;

    public KnownResource(String fingerprint, boolean removed, ObjectNode tracked) {
        this(fingerprint, removed, tracked.toString());
        this.tracked = tracked;
    }

    private KnownResource(String fingerprint, boolean removed, String trackedJson) {
        this.fingerprint = fingerprint;
        this.removed = removed;
        this.trackedJson = trackedJson;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public boolean removed() {
        return removed;
    }

    /** The tracked attributes, in the resource's shape (a copy the caller may change). */
    public ObjectNode tracked() {
        if (tracked == null) {
            try {
                tracked = (ObjectNode) ScimJson.readTree(trackedJson.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable lucid-scim consumer state", e);
            }
        }
        return tracked.deepCopy();
    }

    public KnownResource asRemoved() {
        return new KnownResource(fingerprint, true, trackedJson);
    }

    String encode() {
        return VERSION + "|" + fingerprint + "|" + (removed ? "r" : "l") + "|" + trackedJson;
    }

    static KnownResource decode(String state) {
        String[] parts = state.split("\\|", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("Unreadable lucid-scim consumer state: " + state.substring(0,
                    Math.min(40, state.length())));
        }
        return new KnownResource(parts[1], parts[2].equals("r"), parts[3]);
    }
}
