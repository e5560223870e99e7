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
 * Reconcile of a large roster against the simulator: each round's roster ({@link ChangingRoster}) has 3% changed
 * titles, 2% joiners and 2% leavers. The component's reconcile against the plain client doing one listing, the same
 * plan by hand and the same writes with the same concurrency. Calls are counted in the simulator's request log and compared with the minimum:
 * the listing's pages plus the planned writes.
 */
final class ReconcileBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONCURRENCY = 4;

    private final ChangingRoster rosters;

    ReconcileBenchmark(int size) {
        this.rosters = new ChangingRoster(size);
    }

    Comparison run() throws Exception {
        try (LucidScimSimulator lucid = LucidScimSimulator.builder().build().start();
             CamelSide camel = new CamelSide(lucid.baseUrl(), lucid.token())) {
            rosters.seed(lucid);
            PlainClient plain = new PlainClient(lucid.baseUrl(), lucid.token());
            long[] calls = new long[3];
            double[] rates = Rounds.compare(1, 3, () -> {
                List<ScimUser> roster = rosters.next(lucid);
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
                List<ScimUser> roster = rosters.next(lucid);
                long before = lucid.requests().size();
                long started = System.nanoTime();
                plainReconcile(plain, roster);
                double seconds = (System.nanoTime() - started) / 1e9;
                calls[2] = lucid.requests().size() - before;
                return roster.size() / seconds;
            });
            return new Comparison("reconcile-" + Comparison.size(rosters.size()) + "-roster", rates[0], rates[1],
                    "roster rows/s",
                    String.format(Locale.ROOT, "calls: component %d, minimum (listing pages + writes) %d, "
                                              + "baseline %d", calls[0], calls[1], calls[2]));
        }
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
}
