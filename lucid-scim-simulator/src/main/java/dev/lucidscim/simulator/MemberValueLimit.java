package dev.lucidscim.simulator;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;

/**
 * The most member values one request to {@code /Groups} may carry, for testing clients that must split large
 * memberships: the members of a POST or PUT, or the member values of a PATCH's operations on {@code members} (a
 * value array counts its entries, a filtered path such as {@code members[value eq "lucid-1"]} counts one). Lucid
 * documents no such limit; a server with one answers 413, or 400 with {@code scimType} {@code tooMany}.
 */
final class MemberValueLimit {

    /** The status of a refusal: 413 Payload Too Large, or 400 with scimType tooMany. */
    static final int PAYLOAD_TOO_LARGE = 413;
    static final int TOO_MANY = 400;

    private final int maxMembers;
    private final int status;

    /**
     * @param maxMembers at least 1
     * @param status     {@link #PAYLOAD_TOO_LARGE} or {@link #TOO_MANY}
     */
    MemberValueLimit(int maxMembers, int status) {
        if (maxMembers < 1) {
            throw new IllegalArgumentException("The member limit must be at least 1, not " + maxMembers);
        }
        if (status != PAYLOAD_TOO_LARGE && status != TOO_MANY) {
            throw new IllegalArgumentException("A request over the member limit is answered 413 or 400 (tooMany), "
                                               + "not " + status);
        }
        this.maxMembers = maxMembers;
        this.status = status;
    }

    int status() {
        return status;
    }

    /** RFC 7644's scimType for the refusal: tooMany with 400, none with 413. */
    String scimType() {
        return status == TOO_MANY ? "tooMany" : null;
    }

    /** Null when the request is within the limit, else the detail of the refusal. */
    String refusal(String method, String path, String body) {
        if (!path.startsWith("/Groups") || method.equals("GET") || method.equals("DELETE") || body.isEmpty()) {
            return null;
        }
        int members = memberValues(method, body);
        return members <= maxMembers ? null
                : "The request carries " + members + " member values; this server takes at most " + maxMembers
                  + " in one request: send the rest in further PATCHes";
    }

    /** A body that is not JSON counts 0: the SCIM library answers it. */
    private static int memberValues(String method, String body) {
        JsonNode document;
        try {
            document = JsonHelper.readJsonDocument(body);
        } catch (RuntimeException notJson) {
            return 0;
        }
        if (document == null) {
            return 0;
        }
        if (!method.equals("PATCH")) {
            return document.path("members").size();
        }
        int members = 0;
        for (JsonNode operation : document.path("Operations")) {
            String target = operation.path("path").asText("").toLowerCase(Locale.ROOT);
            JsonNode value = operation.path("value");
            if (target.startsWith("members")) {
                members += value.isArray() ? value.size() : 1;
            } else if (target.isEmpty()) {
                members += value.path("members").size();
            }
        }
        return members;
    }
}
