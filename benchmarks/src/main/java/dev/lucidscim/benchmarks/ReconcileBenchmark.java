package dev.lucidscim.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;

/**
 * Reconcile of a large roster against the simulator: each round's roster has 3% changed titles, 2% joiners and 2%
 * leavers. The component's reconcile against the plain client doing one listing, the same plan by hand and the same
 * writes with the same concurrency. Calls are counted in the simulator's request log and compared with the minimum:
 * the listing's pages plus the planned writes.
 */
final class ReconcileBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONCURRENCY = 4;

    private final int size;
    private int round;

    ReconcileBenchmark(int size) {
        this.size = size;
    }

    Comparison run() throws Exception {
        try (LucidScimSimulator lucid = LucidScimSimulator.builder().build().start();
             CamelSide camel = new CamelSide(lucid.baseUrl(), lucid.token())) {
            for (int i = 0; i < size; i++) {
                lucid.seedUser(JSON.writeValueAsString(user(i, "Engineer")));
            }
            PlainClient plain = new PlainClient(lucid.baseUrl(), lucid.token());
            long[] calls = new long[3];
            double[] rates = Rounds.compare(1, 3, () -> {
                List<ScimUser> roster = nextRoster(lucid);
                long before = lucid.requests().size();
                long started = System.nanoTime();
                ReconcileReport report = camel.template.requestBody("lucid-scim:users?operation=reconcile"
                                                                    + "&reconcileConcurrency=" + CONCURRENCY, roster,
                        ReconcileReport.class);
                double seconds = (System.nanoTime() - started) / 1e9;
                calls[0] = lucid.requests().size() - before;
                calls[1] = report.listingRequests() + report.plannedWrites();
                return roster.size() / seconds;
            }, () -> {
                List<ScimUser> roster = nextRoster(lucid);
                long before = lucid.requests().size();
                long started = System.nanoTime();
                plainReconcile(plain, roster);
                double seconds = (System.nanoTime() - started) / 1e9;
                calls[2] = lucid.requests().size() - before;
                return roster.size() / seconds;
            });
            return new Comparison("reconcile-" + Comparison.size(size) + "-roster", rates[0], rates[1], "roster rows/s",
                    String.format(Locale.ROOT, "calls: component %d, minimum (listing pages + writes) %d, "
                                              + "baseline %d", calls[0], calls[1], calls[2]));
        }
    }

    /** The directory's active users, with this round's changes: new titles, joiners, and leavers left out. */
    private List<ScimUser> nextRoster(LucidScimSimulator lucid) {
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

    private static void plainReconcile(PlainClient plain, List<ScimUser> roster) throws Exception {
        Map<String, JsonNode> listed = new HashMap<>();
        for (int start = 1;; start += 100) {
            JsonNode page = JSON.readTree(plain.send("GET", "/Users?startIndex=" + start + "&count=100", null).body());
            page.path("Resources").forEach(user -> listed.put(user.path("userName").asText(), user));
            if (page.path("Resources").size() == 0 || start + 100 > page.path("totalResults").asInt()) {
                break;
            }
        }
        List<String[]> writes = new ArrayList<>();
        Set<String> inRoster = new HashSet<>();
        for (ScimUser user : roster) {
            inRoster.add(user.userName());
            JsonNode current = listed.get(user.userName());
            if (current == null) {
                writes.add(new String[] { "POST", "/Users", JSON.writeValueAsString(Map.of("userName", user.userName(),
                        "externalId", user.externalId(), "title", user.title(), "active", true,
                        "emails", List.of(Map.of("value", user.userName())))) });
            } else if (!user.title().equals(current.path("title").asText())) {
                writes.add(patch(current, "title", PlainClient.quote(user.title())));
            }
        }
        listed.forEach((userName, current) -> {
            if (!inRoster.contains(userName)) {
                writes.add(patch(current, "active", "false"));
            }
        });
        Rounds.rate(writes.size(), CONCURRENCY, i -> plain.send(writes.get(i)[0], writes.get(i)[1],
                writes.get(i)[2]));
    }

    private static String[] patch(JsonNode current, String path, String jsonValue) {
        return new String[] { "PATCH", "/Users/" + current.path("id").asText(), "{\"schemas\":[\"urn:ietf:params:scim:"
                + "api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"" + path + "\","
                + "\"value\":" + jsonValue + "}]}" };
    }

    private static ScimUser user(int i, String title) {
        return ScimUser.builder().userName("user" + i + "@example.com").email("user" + i + "@example.com")
                .externalId("E" + i).title(title).active(true).build();
    }
}
