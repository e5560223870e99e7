package dev.lucidscim.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.exceptions.ScimException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;

/**
 * Membership PATCHes in the form Lucid documents, applied by the {@link Directory} itself instead of the SCIM library:
 * {@code add} and {@code remove} operations on path {@code members} with an array of {@code {"value": id}}. The
 * library validates the whole group on the way in and on the way out and matches every value against every member,
 * so that each PATCH of a 10,000-member group cost a quarter of a second; here one costs what reading and storing the
 * group's JSON costs. Every other PATCH (attributes, {@code replace}, filtered paths, a query string, another
 * {@code schemas}) is still the library's.
 * <p>
 * The answer is what the library gives for the same request, with one difference: a PATCH that changes nothing
 * (a member added twice) leaves the version as it is. In the standard dialect a {@code remove} removes every member,
 * whatever its value lists ({@link SimulatorDialect#unfilteredRemoveClearsTheAttribute()}).
 */
final class MemberPatches {

    /** What one operation does to the member ids. */
    enum Change {
        ADD, REMOVE, REMOVE_ALL
    }

    /** One operation: the members it names added or removed, or every member removed. */
    record Step(Change change, List<String> memberIds) {

        void applyTo(Set<String> members) {
            switch (change) {
                case ADD -> members.addAll(memberIds);
                case REMOVE -> memberIds.forEach(members::remove);
                case REMOVE_ALL -> members.clear();
            }
        }
    }

    private final Directory directory;
    private final GroupKind groups;
    private final String baseUrl;
    private final Change remove;

    /** @param groups the groups {@code /Groups} holds for the token: organizational groups or teams */
    MemberPatches(Directory directory, GroupKind groups, String baseUrl, SimulatorDialect dialect) {
        this.directory = directory;
        this.groups = groups;
        this.baseUrl = baseUrl;
        this.remove = dialect.unfilteredRemoveClearsTheAttribute() ? Change.REMOVE_ALL : Change.REMOVE;
    }

    /** The answer to a membership PATCH of Lucid's form, or empty for any other request. */
    Optional<SimulatorHttpHandler.Answer> answer(String method, String path, String query,
                                                 Map<String, String> headers, String body) {
        if (!method.equals("PATCH") || query != null || !path.startsWith("/Groups/")
            || path.indexOf('/', "/Groups/".length()) >= 0) {
            return Optional.empty();
        }
        List<Step> steps = steps(body);
        if (steps == null) {
            return Optional.empty();
        }
        String id = path.substring("/Groups/".length());
        try {
            return Optional.of(presented(directory.patchMembers(groups, id, header(headers, "If-Match"), steps)));
        } catch (ScimException refused) {
            return Optional.of(SimulatorHttpHandler.Answer.error(refused.getStatus(), refused.getScimType(),
                    refused.getDetail()));
        }
    }

    /** The operations of a body in Lucid's membership form, or null for anything else. */
    private List<Step> steps(String body) {
        JsonNode patch;
        try {
            patch = JsonHelper.readJsonDocument(body);
        } catch (RuntimeException notJson) {
            return null;
        }
        if (patch == null || !patch.isObject() || patch.size() != 2 || !onlyPatchOp(patch.path("schemas"))
            || !patch.path("Operations").isArray() || patch.path("Operations").isEmpty()) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode operation : patch.path("Operations")) {
            String op = operation.path("op").asText("").toLowerCase(Locale.ROOT);
            JsonNode values = operation.path("value");
            if (operation.size() != 3 || !(op.equals("add") || op.equals("remove"))
                || !operation.path("path").asText("").equals("members") || !values.isArray() || values.isEmpty()) {
                return null;
            }
            List<String> ids = new ArrayList<>(values.size());
            for (JsonNode value : values) {
                if (!value.isObject() || value.size() != 1 || !value.path("value").isTextual()) {
                    return null;
                }
                ids.add(value.path("value").asText());
            }
            steps.add(new Step(op.equals("add") ? Change.ADD : remove, ids));
        }
        return steps;
    }

    private static boolean onlyPatchOp(JsonNode schemas) {
        return schemas.isArray() && schemas.size() == 1 && RequiredSchemas.PATCH_OP.equals(schemas.get(0).asText());
    }

    /** The group as the library presents it: {@code meta.location}, each member's {@code $ref}, ETag, Location. */
    private SimulatorHttpHandler.Answer presented(Group group) {
        String location = baseUrl + "/Groups/" + group.getId().orElseThrow();
        ((ObjectNode) group.path("meta")).put("location", location);
        if (group.path("members").isEmpty()) {
            group.remove("members"); // the library leaves out a group's empty members
        }
        for (JsonNode member : group.path("members")) {
            String kind = "Group".equals(member.path("type").asText()) ? "/Groups/" : "/Users/";
            ((ObjectNode) member).put("$ref", baseUrl + kind + member.path("value").asText());
        }
        return new SimulatorHttpHandler.Answer(200, Map.of("Content-Type", "application/scim+json",
                "ETag", group.path("meta").path("version").asText(), "Location", location), group.toString());
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
