package dev.lucidscim.simulator;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;

/**
 * RFC 7643 section 3 and RFC 7644 section 3.5.2 as a strict server reads them
 * ({@link SimulatorDialect#requiresSchemas()}): a resource sent in a POST or PUT to {@code /Users} or {@code /Groups}
 * lists in {@code schemas} its endpoint's core schema and the URN of every extension whose attributes it carries; a
 * PATCH lists exactly the PatchOp message URN. Lucid and the SCIM library fill missing ones in, and Lucid's own PATCH
 * examples add the core resource URN; a strict server answers 400 {@code invalidSyntax} (as the UnboundID/Ping SCIM 2
 * SDK's schema checker reports these, and as SCIMMY refuses Lucid's PATCH form), before the body is looked at further.
 */
final class RequiredSchemas {

    static final String SCIM_TYPE = "invalidSyntax";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static final Map<String, String> CORE_SCHEMAS = Map.of(
            "Users", "urn:ietf:params:scim:schemas:core:2.0:User",
            "Groups", "urn:ietf:params:scim:schemas:core:2.0:Group");

    private RequiredSchemas() {
    }

    /** Null when the request is no resource write or lists its schemas, else the detail of the refusal. */
    static String refusal(String method, String path, String body) {
        if (isResourcePatch(method, path)) {
            return patchRefusal(jsonObject(body));
        }
        String coreSchema = coreSchemaOf(method, path);
        JsonNode resource = coreSchema == null ? null : jsonObject(body);
        if (resource == null) {
            return null;
        }
        JsonNode schemas = resource.path("schemas");
        if (!schemas.isArray() || schemas.isEmpty()) {
            return "schemas is required (RFC 7643 section 3): list " + coreSchema + " and the URN of every "
                   + "extension the resource carries";
        }
        Set<String> listed = new HashSet<>();
        schemas.forEach(schema -> listed.add(schema.asText()));
        if (!listed.contains(coreSchema)) {
            return "schemas must list the core schema " + coreSchema + " (RFC 7643 section 3)";
        }
        for (Iterator<String> names = resource.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("urn:") && !listed.contains(name)) {
                return "The resource carries attributes of " + name + " but schemas does not list it: add " + name
                       + " to schemas (RFC 7643 section 3)";
            }
        }
        return null;
    }

    private static String patchRefusal(JsonNode patch) {
        if (patch == null) {
            return null;
        }
        JsonNode schemas = patch.path("schemas");
        boolean onlyPatchOp = schemas.isArray() && schemas.size() == 1 && PATCH_OP.equals(schemas.get(0).asText());
        return onlyPatchOp ? null : "The schemas of a PATCH must be exactly [\"" + PATCH_OP + "\"] (RFC 7644 section "
                                    + "3.5.2), not " + schemas;
    }

    private static boolean isResourcePatch(String method, String path) {
        String[] segments = path.substring(1).split("/", -1);
        return method.equals("PATCH") && segments.length == 2 && !segments[1].isEmpty()
               && CORE_SCHEMAS.containsKey(segments[0]);
    }

    /** The core schema of the endpoint a POST or PUT writes a resource to; null for any other request. */
    private static String coreSchemaOf(String method, String path) {
        String[] segments = path.substring(1).split("/", -1);
        boolean write = method.equals("POST") && segments.length == 1
                        || method.equals("PUT") && segments.length == 2 && !segments[1].isEmpty();
        return write ? CORE_SCHEMAS.get(segments[0]) : null;
    }

    /** The body as a JSON object; null for anything else, which the SCIM library answers. */
    private static JsonNode jsonObject(String body) {
        try {
            JsonNode document = JsonHelper.readJsonDocument(body);
            return document != null && document.isObject() ? document : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
