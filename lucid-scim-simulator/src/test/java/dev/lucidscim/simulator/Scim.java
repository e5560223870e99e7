package dev.lucidscim.simulator;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** SCIM bodies for the simulator's tests. */
final class Scim {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String LUCID_1 = "urn:ietf:params:scim:schemas:extension:lucid:1.0:User";
    static final String LUCID_2 = "urn:ietf:params:scim:schemas:extension:lucid:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private Scim() {
    }

    /** A user whose userName is also its work e-mail, with a name. */
    static ObjectNode userNode(String userName) {
        ObjectNode user = ScimClient.JSON.createObjectNode();
        user.putArray("schemas").add(USER_SCHEMA);
        user.put("userName", userName);
        user.putObject("name").put("givenName", "Given").put("familyName", "Family");
        user.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
        user.put("active", true);
        return user;
    }

    static String user(String userName) {
        return userNode(userName).toString();
    }

    static String inactiveUser(String userName) {
        return userNode(userName).put("active", false).toString();
    }

    /** A user with the lucid 2.0 licensing extension and its Lucidchart flag. */
    static String userWithLucidchart(String userName, boolean lucidchart) {
        ObjectNode user = userNode(userName);
        ((ArrayNode) user.get("schemas")).add(LUCID_2);
        user.putObject(LUCID_2).putObject("productLicenses").put("Lucidchart", lucidchart);
        return user.toString();
    }

    static String group(String displayName, String... memberIds) {
        ObjectNode group = ScimClient.JSON.createObjectNode();
        group.putArray("schemas").add(GROUP_SCHEMA);
        group.put("displayName", displayName);
        if (memberIds.length > 0) {
            ArrayNode members = group.putArray("members");
            Arrays.stream(memberIds).forEach(id -> members.addObject().put("value", id));
        }
        return group.toString();
    }

    /** A PatchOp message with these operations (each one JSON text, see {@link #op}). */
    static String patch(String... operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
    }

    /** One PATCH operation; path may be null, value is JSON text (or null for none). */
    static String op(String op, String path, String valueJson) {
        StringBuilder json = new StringBuilder("{\"op\":\"").append(op).append('"');
        if (path != null) {
            json.append(",\"path\":").append(ScimClient.JSON.getNodeFactory().textNode(path));
        }
        if (valueJson != null) {
            json.append(",\"value\":").append(valueJson);
        }
        return json.append('}').toString();
    }

    /** {@code [{"value":"id1"},{"value":"id2"}]} */
    static String memberValues(String... ids) {
        return Arrays.stream(ids).map(id -> "{\"value\":\"" + id + "\"}").collect(Collectors.joining(",", "[", "]"));
    }
}
