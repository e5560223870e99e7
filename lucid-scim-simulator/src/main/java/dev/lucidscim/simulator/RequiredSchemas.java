package dev.lucidscim.simulator;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;

/**
 * RFC 7643 section 3 as a strict server reads it ({@link SimulatorDialect#requiresSchemas()}): a resource sent in a
 * POST or PUT to {@code /Users} or {@code /Groups} lists in {@code schemas} its endpoint's core schema and the URN of
 * every extension whose attributes it carries. Lucid and the SCIM library fill missing ones in; a strict server
 * answers 400 {@code invalidSyntax} (as the UnboundID/Ping SCIM 2 SDK's schema checker reports these), before the
 * resource is looked at further.
 */
final class RequiredSchemas {

    static final String SCIM_TYPE = "invalidSyntax";

    private static final Map<String, String> CORE_SCHEMAS = Map.of(
            "Users", "urn:ietf:params:scim:schemas:core:2.0:User",
            "Groups", "urn:ietf:params:scim:schemas:core:2.0:Group");

    private RequiredSchemas() {
    }

    /** Null when the request is no resource write or lists its schemas, else the detail of the refusal. */
    static String refusal(String method, String path, String body) {
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
