package dev.lucidscim.benchmarks;

import dev.lucidscim.model.ScimUser;
import org.apache.camel.Endpoint;

/**
 * Create throughput with 1, 8 and 32 requests in flight, against the canned server: the component's producer called
 * from that many threads (as a route's parallel processing does) against the plain client on as many threads.
 */
final class CreateBenchmark {

    private final int requests;

    CreateBenchmark(int requests) {
        this.requests = requests;
    }

    Comparison run(int concurrency) throws Exception {
        try (CannedScimServer server = new CannedScimServer(0);
             CamelSide camel = new CamelSide(server.baseUrl(), "token")) {
            PlainClient plain = new PlainClient(server.baseUrl(), "token");
            // resolved once, as a route's to(...) is
            Endpoint create = camel.context.getEndpoint("lucid-scim:users?operation=create");
            double[] rates = Rounds.compare(2, 3,
                    () -> Rounds.rate(requests, concurrency, i -> camel.template.requestBody(create, user(i),
                            ScimUser.class)),
                    () -> Rounds.rate(requests, concurrency, i -> {
                        String created = new String(plain.send("POST", "/Users", json(i)).body(),
                                java.nio.charset.StandardCharsets.UTF_8);
                        if (!created.contains("\"id\"")) {
                            throw new IllegalStateException("no id in " + created);
                        }
                    }));
            return new Comparison("create-" + concurrency + "-in-flight", rates[0], rates[1], "creates/s", "");
        }
    }

    private static ScimUser user(int i) {
        return ScimUser.builder().userName("new" + i + "@example.com").email("new" + i + "@example.com")
                .name("New", "Person " + i).active(true).build();
    }

    private static String json(int i) {
        return "{\"schemas\":[\"" + CannedScimServer.USER_SCHEMA + "\"],\"userName\":\"new" + i
               + "@example.com\",\"name\":{\"familyName\":\"Person " + i + "\",\"givenName\":\"New\"},"
               + "\"active\":true,\"emails\":[{\"value\":\"new" + i + "@example.com\",\"type\":\"work\","
               + "\"primary\":true}]}";
    }
}
