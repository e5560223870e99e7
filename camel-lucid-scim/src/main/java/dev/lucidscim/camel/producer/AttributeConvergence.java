package dev.lucidscim.camel.producer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lucidscim.camel.state.IgnoredAttributes;
import dev.lucidscim.model.AttributePath;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides which user attributes a tenant does not keep, for upsert and reconcile alike. A write
 * (a PATCH, or a create's POST) that succeeds while the user in the answer holds a written attribute at another value
 * (compared by {@link AttributeDiff}'s rules) shows that the tenant accepts that attribute and drops it: licences on
 * a Lucid account that licenses through organizational groups, where every run would otherwise write the same
 * licences again. Such a path is remembered ({@link IgnoredAttributes}), logged at WARN once, and left out of the
 * desired users from then on, so that the next run writes nothing for it. An answer without a body (a 204, which
 * Lucid does not send) shows nothing: no extra read is spent to find out.
 */
public final class AttributeConvergence {

    static final String LICENCES_REASON = "licences are managed by org group membership on this account: grant them "
                                          + "through groups";
    static final String GENERIC_REASON = "the tenant accepted the write and kept the value";

    private static final Logger LOG = LoggerFactory.getLogger(AttributeConvergence.class);

    private final IgnoredAttributes memory;

    public AttributeConvergence(IgnoredAttributes memory) {
        this.memory = memory;
    }

    /** Why the tenant keeps this path at its own value. */
    public static String reasonFor(String path) {
        return path.contains(":productLicenses") ? LICENCES_REASON : GENERIC_REASON;
    }

    /** The paths ignored now, in the order found. */
    public List<IgnoredAttribute> known() {
        return memory.current().entrySet().stream()
                .map(entry -> new IgnoredAttribute(entry.getKey(), reasonFor(entry.getKey()), entry.getValue()))
                .toList();
    }

    /**
     * What a write of the desired user may hold, from one read of the memory.
     *
     * @param user    the desired user without the attributes the tenant does not keep (the same user when it keeps
     *                them all)
     * @param leftOut the ignored paths it sets at a value {@code current} does not hold: what a write would have
     *                changed but for them
     */
    public record Kept(ScimUser user, List<String> leftOut) {
    }

    /** @param current the user as the tenant has it, or null when there is none yet */
    public Kept keep(ScimUser current, ScimUser desired) {
        Set<String> ignored = memory.current().keySet();
        return new Kept(without(desired, ignored), leftOut(current, desired, ignored));
    }

    /** The desired users without the attributes the tenant does not keep, from one read of the memory for all. */
    public List<ScimUser> withoutIgnored(List<ScimUser> desired) {
        Set<String> ignored = memory.current().keySet();
        return desired.stream().map(user -> without(user, ignored)).toList();
    }

    private static List<String> leftOut(ScimUser current, ScimUser desired, Set<String> ignored) {
        if (ignored.isEmpty()) {
            return List.of();
        }
        JsonNode have = current == null ? null : ScimJson.toTree(current);
        JsonNode want = ScimJson.toTree(desired);
        List<String> paths = new ArrayList<>();
        for (String path : ignored) {
            AttributePath attribute = AttributePath.of(path);
            JsonNode wanted = attribute.valueIn(want);
            if (wanted != null && (have == null || !AttributeDiff.matches(attribute.valueIn(have), wanted, path))) {
                paths.add(path);
            }
        }
        return paths;
    }

    /**
     * After a PATCH that succeeded: the written paths that the answer holds at another value than the desired user's,
     * each remembered from now on.
     *
     * @param written  the operations sent
     * @param desired  the user they were computed for
     * @param answered the user in the answer; null (no body) shows nothing
     */
    public List<String> notKeptAfterPatch(List<PatchOperation> written, ScimUser desired, ScimUser answered) {
        if (answered == null) {
            return List.of();
        }
        List<AttributePath> writtenPaths = written.stream().map(operation -> AttributePath.of(operation.path()))
                .toList();
        Set<String> notKept = new LinkedHashSet<>();
        for (PatchOperation differing : AttributeDiff.between(answered, desired)) {
            AttributePath found = AttributePath.of(differing.path());
            for (AttributePath path : writtenPaths) {
                if (found.isWithin(path)) {
                    notKept.add(found.toString());
                } else if (path.isWithin(found)) {
                    // the answer lacks the whole object the written path lies in
                    notKept.add(path.toString());
                }
            }
        }
        return remember(notKept);
    }

    /** After a create that succeeded: the attributes sent that the answer holds at another value. */
    public List<String> notKeptAfterCreate(ScimUser sent, ScimUser answered) {
        if (answered == null) {
            return List.of();
        }
        Set<String> notKept = new LinkedHashSet<>();
        AttributeDiff.between(answered, sent).forEach(differing -> notKept.add(differing.path()));
        return remember(notKept);
    }

    private List<String> remember(Set<String> paths) {
        for (String path : paths) {
            if (memory.add(path)) {
                LOG.warn("The tenant accepted a write of {} and kept its own value: {}. Upsert and reconcile leave it "
                         + "out of their writes from now on; to write it again, remove the state key {}", path,
                        reasonFor(path), memory.key());
            }
        }
        return List.copyOf(paths);
    }

    private static ScimUser without(ScimUser desired, Set<String> ignored) {
        if (ignored.isEmpty()) {
            return desired;
        }
        ObjectNode tree = (ObjectNode) ScimJson.toTree(desired);
        boolean removed = false;
        for (String path : ignored) {
            removed |= AttributePath.of(path).removeFrom(tree);
        }
        // rebuilt, so that schemas no longer lists an extension left empty
        return removed ? ScimJson.convert(tree, ScimUser.class).toBuilder().build() : desired;
    }
}
