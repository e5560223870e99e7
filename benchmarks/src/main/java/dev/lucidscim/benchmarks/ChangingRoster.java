package dev.lucidscim.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;

/**
 * A directory of {@code size} users (user0@example.com with title Engineer, and on) and the rosters that change it,
 * one per round: the directory's active users with every 33rd title changed (3%), 2% of them left out (leavers) and
 * 2% joiners added.
 */
final class ChangingRoster {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int size;
    private int round;

    ChangingRoster(int size) {
        this.size = size;
    }

    int size() {
        return size;
    }

    void seed(LucidScimSimulator lucid) throws JsonProcessingException {
        for (int i = 0; i < size; i++) {
            lucid.seedUser(JSON.writeValueAsString(user(i, "Engineer")));
        }
    }

    /** The directory's active users, with this round's changes: new titles, joiners, and leavers left out. */
    List<ScimUser> next(LucidScimSimulator lucid) {
        round++;
        List<ScimUser> roster = new ArrayList<>();
        int leaverStart = (round * size / 50) % size;
        Set<String> active = new HashSet<>();
        lucid.users().forEach(user -> {
            if (user.path("active").asBoolean()) {
                active.add(user.path("userName").asText());
            }
        });
        int index = 0;
        for (int i = 0; i < size; i++) {
            boolean leaver = i >= leaverStart && i < leaverStart + size / 50;
            if (!leaver && active.contains("user" + i + "@example.com")) {
                roster.add(user(i, index++ % 33 == 0 ? "Lead " + round : "Engineer"));
            }
        }
        for (int j = 0; j < size / 50; j++) {
            roster.add(ScimUser.builder().userName("joiner" + round + "-" + j + "@example.com")
                    .email("joiner" + round + "-" + j + "@example.com").externalId("J" + round + "-" + j)
                    .title("Engineer").active(true).build());
        }
        return roster;
    }

    private static ScimUser user(int i, String title) {
        return ScimUser.builder().userName("user" + i + "@example.com").email("user" + i + "@example.com")
                .externalId("E" + i).title(title).active(true).build();
    }
}
