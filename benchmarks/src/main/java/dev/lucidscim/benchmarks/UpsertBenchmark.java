package dev.lucidscim.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.Endpoint;

/**
 * Upsert of a feed whose rows are 90% unchanged, against the simulator holding the directory: the component's upsert
 * against the plain client doing the same search, comparison and PATCH. Each round changes the title of the other
 * 10%, so every round has the same work.
 */
final class UpsertBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONCURRENCY = 8;

    private final int rows;
    private int round;

    UpsertBenchmark(int rows) {
        this.rows = rows;
    }

    Comparison run() throws Exception {
        try (LucidScimSimulator lucid = LucidScimSimulator.builder().build().start();
             CamelSide camel = new CamelSide(lucid.baseUrl(), lucid.token())) {
            for (int i = 0; i < rows; i++) {
                lucid.seedUser(json(i, "Engineer"));
            }
            PlainClient plain = new PlainClient(lucid.baseUrl(), lucid.token());
            double[] requestsPerRow = new double[2];
            Endpoint upsert = camel.context.getEndpoint("lucid-scim:users?operation=upsert");
            double[] rates = Rounds.compare(1, 3, () -> {
                String title = nextTitle();
                long before = lucid.requests().size();
                double rate = Rounds.rate(rows, CONCURRENCY, i -> camel.template.requestBody(upsert,
                        user(i, titleOf(i, title)), ScimUser.class));
                requestsPerRow[0] = (lucid.requests().size() - before) / (double) rows;
                return rate;
            }, () -> {
                String title = nextTitle();
                long before = lucid.requests().size();
                double rate = Rounds.rate(rows, CONCURRENCY, i -> plainUpsert(plain, i, titleOf(i, title)));
                requestsPerRow[1] = (lucid.requests().size() - before) / (double) rows;
                return rate;
            });
            return new Comparison("upsert-" + Comparison.size(rows) + "-rows-90pct-unchanged", rates[0], rates[1], "rows/s",
                    String.format(Locale.ROOT, "requests per row: component %.2f, baseline %.2f (an unchanged row "
                                              + "costs one request)", requestsPerRow[0], requestsPerRow[1]));
        }
    }

    private String nextTitle() {
        return "Lead " + (++round);
    }

    /** One row in ten gets this round's title; the others stay as Lucid has them. */
    private static String titleOf(int i, String roundTitle) {
        return i % 10 == 0 ? roundTitle : "Engineer";
    }

    private static void plainUpsert(PlainClient plain, int i, String title) throws Exception {
        String userName = "user" + i + "@example.com";
        String filter = java.net.URLEncoder.encode("userName eq " + PlainClient.quote(userName),
                StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode page = JSON.readTree(plain.send("GET", "/Users?filter=" + filter + "&startIndex=1&count=2", null)
                .body());
        JsonNode current = page.path("Resources").path(0);
        if (current.isMissingNode()) {
            plain.send("POST", "/Users", json(i, title));
        } else if (!title.equals(current.path("title").asText())) {
            plain.send("PATCH", "/Users/" + current.path("id").asText(), "{\"schemas\":[\"urn:ietf:params:scim:api:"
                    + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":"
                    + PlainClient.quote(title) + "}]}");
        }
    }

    private static ScimUser user(int i, String title) {
        return ScimUser.builder().userName("user" + i + "@example.com").email("user" + i + "@example.com")
                .name("User", "Number " + i).title(title).active(true).build();
    }

    private static String json(int i, String title) {
        return "{\"schemas\":[\"" + CannedScimServer.USER_SCHEMA + "\"],\"userName\":\"user" + i
               + "@example.com\",\"name\":{\"givenName\":\"User\",\"familyName\":\"Number " + i + "\"},"
               + "\"title\":" + PlainClient.quote(title) + ",\"active\":true,\"emails\":[{\"value\":\"user" + i
               + "@example.com\",\"type\":\"work\",\"primary\":true}]}";
    }
}
