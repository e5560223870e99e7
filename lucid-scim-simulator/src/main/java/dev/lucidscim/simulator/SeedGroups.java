package dev.lucidscim.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Seed files name group members by userName (ids are only known once users exist): this turns them into ids. */
final class SeedGroups {

    private SeedGroups() {
    }

    static String withMemberIds(LucidScimSimulator simulator, JsonNode group) {
        ObjectNode copy = group.deepCopy();
        JsonNode userNames = copy.remove("memberUserNames");
        if (userNames != null) {
            ArrayNode members = copy.withArray("members");
            userNames.forEach(userName -> members.addObject().put("value", simulator.userByUserName(userName.asText())
                    .orElseThrow(() -> new IllegalArgumentException("No seeded user " + userName.asText()))
                    .path("id").asText()));
        }
        return copy.toString();
    }
}
