package dev.lucidscim.camel.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.camel.LucidScimChangeType;
import dev.lucidscim.camel.state.KnownResource;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimResource;

/**
 * Compares a resource as listed now with what the consumer remembers of it: unchanged (same fingerprint), created,
 * updated (with the tracked attributes that differ, and for groups the members added and removed), reactivated
 * (listed again after it was removed, or listed active after it was listed inactive) or deactivated (listed inactive
 * after it was listed active: a standard server keeps deactivated users in listings, Lucid hides them). The fingerprint covers everything but {@code meta}, whose
 * {@code lastModified} and {@code version} change without the resource changing.
 */
public final class ChangeDetector {

    private final TrackedAttributes tracked;
    private final Class<? extends ScimResource> modelClass;

    public ChangeDetector(TrackedAttributes tracked, Class<? extends ScimResource> modelClass) {
        this.tracked = tracked;
        this.modelClass = modelClass;
    }

    /** The change of a listed resource, or null when it is as remembered. */
    public Change detect(ScimResource listed, KnownResource known) {
        ObjectNode tree = (ObjectNode) ScimJson.toTree(listed);
        tree.remove("meta");
        String fingerprint = fingerprint(tree);
        if (known != null && !known.removed() && known.fingerprint().equals(fingerprint)) {
            return null;
        }
        ObjectNode selection = tracked.select(tree);
        KnownResource remember = new KnownResource(fingerprint, false, selection);
        List<String> membersNow = memberIds(selection);
        if (known == null) {
            return new Change(LucidScimChangeType.CREATED, listed.id(), listed, null, List.of(), membersNow, List.of(),
                    remember);
        }
        List<String> membersBefore = memberIds(known.tracked());
        return new Change(changeOf(known, selection), listed.id(), listed, partial(known.tracked()),
                tracked.differences(known.tracked(), selection), minus(membersNow, membersBefore),
                minus(membersBefore, membersNow), remember);
    }

    /**
     * A known resource listed with other attributes: reactivated when it was removed (Lucid lists deactivated users
     * again once reactivated) or was listed inactive; deactivated when listed inactive after it was listed active (a
     * standard server keeps listing deactivated users); else updated. Groups are always active.
     */
    private static LucidScimChangeType changeOf(KnownResource known, ObjectNode selectionNow) {
        boolean activeBefore = !known.removed() && isActive(known.tracked());
        boolean activeNow = isActive(selectionNow);
        if (activeBefore == activeNow) {
            return LucidScimChangeType.UPDATED;
        }
        return activeNow ? LucidScimChangeType.REACTIVATED : LucidScimChangeType.DEACTIVATED;
    }

    /** Active unless it says {@code active: false}; a state written before {@code active} was kept has none. */
    private static boolean isActive(JsonNode selection) {
        JsonNode active = selection.get("active");
        return active == null || !active.isBoolean() || active.booleanValue();
    }

    /** A resource that is no longer listed, without asking Lucid why. */
    public Change removed(String id, KnownResource known) {
        ScimResource lastKnown = partial(known.tracked());
        return new Change(LucidScimChangeType.REMOVED, id, lastKnown, lastKnown, List.of(), List.of(),
                memberIds(known.tracked()), known.asRemoved());
    }

    /** A resource that is no longer listed and that Lucid no longer knows by id: forgotten once delivered. */
    public Change deleted(String id, KnownResource known) {
        ScimResource lastKnown = partial(known.tracked());
        return new Change(LucidScimChangeType.DELETED, id, lastKnown, lastKnown, List.of(), List.of(),
                memberIds(known.tracked()), null);
    }

    /** A user that is no longer listed but that Lucid returns by id: deactivated, remembered as a tombstone. */
    public Change deactivated(String id, KnownResource known, ScimResource readById) {
        ObjectNode tree = (ObjectNode) ScimJson.toTree(readById);
        tree.remove("meta");
        ObjectNode selection = tracked.select(tree);
        return new Change(LucidScimChangeType.DEACTIVATED, id, readById, partial(known.tracked()),
                tracked.differences(known.tracked(), selection), List.of(), List.of(),
                new KnownResource(fingerprint(tree), true, selection));
    }

    private ScimResource partial(ObjectNode trackedValues) {
        return ScimJson.convert(trackedValues, modelClass);
    }

    private static List<String> memberIds(JsonNode selection) {
        Set<String> ids = new LinkedHashSet<>();
        selection.path("members").forEach(member -> ids.add(member.path("value").asText()));
        return new ArrayList<>(ids);
    }

    private static List<String> minus(List<String> these, List<String> those) {
        Set<String> excluded = Set.copyOf(those);
        return these.stream().filter(id -> !excluded.contains(id)).toList();
    }

    static String fingerprint(JsonNode tree) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tree.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
