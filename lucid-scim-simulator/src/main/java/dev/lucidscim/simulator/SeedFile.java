package dev.lucidscim.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A directory to start from, as JSON:
 *
 * <pre>{@code
 * {"users": [ SCIM users, managers first; "managerUserName" sets the enterprise manager by userName ],
 *  "groups": [ SCIM groups, with members by id or by userName in "memberUserNames" ],
 *  "reservedForOtherAccount": [ e-mail addresses that "another Lucid account" holds ]}
 * }</pre>
 */
public final class SeedFile {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private SeedFile() {
    }

    public static void load(LucidScimSimulator simulator, Path file) throws IOException {
        load(simulator, new ObjectMapper().readTree(Files.readString(file)));
    }

    public static void load(LucidScimSimulator simulator, JsonNode seed) {
        seed.path("users").forEach(user -> simulator.seedUser(withManagerId(simulator, user)));
        seed.path("groups").forEach(group -> simulator.seedGroup(withMemberIds(simulator, group)));
        seed.path("reservedForOtherAccount").forEach(email -> simulator.reserveForOtherAccount(email.asText()));
    }

    private static String withManagerId(LucidScimSimulator simulator, JsonNode user) {
        ObjectNode copy = user.deepCopy();
        JsonNode manager = copy.remove("managerUserName");
        if (manager != null) {
            String managerId = idOf(simulator, manager.asText());
            copy.withObjectProperty(ENTERPRISE).putObject("manager").put("value", managerId);
        }
        return copy.toString();
    }

    private static String idOf(LucidScimSimulator simulator, String userName) {
        return simulator.userByUserName(userName)
                .orElseThrow(() -> new IllegalArgumentException("No seeded user " + userName + " (seed managers "
                                                                + "before the people they manage)"))
                .path("id").asText();
    }

    /** Seed files name group members by userName, since ids are only known once users exist. */
    private static String withMemberIds(LucidScimSimulator simulator, JsonNode group) {
        ObjectNode copy = group.deepCopy();
        JsonNode userNames = copy.remove("memberUserNames");
        if (userNames != null) {
            ArrayNode members = copy.withArray("members");
            userNames.forEach(userName -> members.addObject().put("value", idOf(simulator, userName.asText())));
        }
        return copy.toString();
    }
}
