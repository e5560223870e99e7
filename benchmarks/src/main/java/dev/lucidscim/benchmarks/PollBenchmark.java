package dev.lucidscim.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.camel.consumer.LucidScimConsumer;
import org.apache.camel.builder.RouteBuilder;

/**
 * The first poll of a large directory (served by the canned server): the component's consumer in changes mode,
 * which delivers every user and keeps an id and fingerprint per user, against the plain client paging through and
 * keeping the same (id to fingerprint). Heap is what each keeps after the poll, measured after a forced GC.
 */
final class PollBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int users;

    PollBenchmark(int users) {
        this.users = users;
    }

    Comparison run() throws Exception {
        long[] retained = new long[2];
        try (CannedScimServer server = new CannedScimServer(users)) {
            PlainClient plain = new PlainClient(server.baseUrl(), "token");
            // Measured once, before any round: Camel keeps the last stopped context's endpoint reachable until the
            // next one replaces it, so a per-round "before" would already hold the previous round's state.
            long before = usedHeapAfterGc();
            double[] rates = Rounds.compare(1, 3, () -> {
                AtomicInteger delivered = new AtomicInteger();
                double rate;
                try (CamelSide camel = new CamelSide(server.baseUrl(), "token", new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("lucid-scim:users?startScheduler=false").routeId("poll")
                                .process(exchange -> delivered.incrementAndGet());
                    }
                })) {
                    long started = System.nanoTime();
                    ((LucidScimConsumer) camel.context.getRoute("poll").getConsumer()).run();
                    rate = users / ((System.nanoTime() - started) / 1e9);
                    check(delivered.get());
                    // what the consumer keeps between polls (its state), with the context still running
                    retained[0] = usedHeapAfterGc() - before;
                }
                return rate;
            }, () -> {
                long started = System.nanoTime();
                Map<String, String> fingerprints = plainPoll(plain);
                double rate = users / ((System.nanoTime() - started) / 1e9);
                // the component's last state may still be reachable here (see above): only this map is counted
                retained[1] = usedHeapAfterGc() - before - retained[0];
                check(fingerprints.size());
                return rate;
            });
            return new Comparison("poll-" + Comparison.size(users) + "-users", rates[0], rates[1], "users/s",
                    String.format(Locale.ROOT, "heap retained after the poll: component %d MB, baseline %d MB",
                            retained[0] / (1024 * 1024), retained[1] / (1024 * 1024)));
        }
    }

    private Map<String, String> plainPoll(PlainClient plain) throws Exception {
        Map<String, String> fingerprints = new HashMap<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int start = 1; start <= users; start += 100) {
            JsonNode page = JSON.readTree(plain.send("GET", "/Users?startIndex=" + start + "&count=100", null).body());
            for (JsonNode user : page.path("Resources")) {
                byte[] digest = sha256.digest(user.toString().getBytes(StandardCharsets.UTF_8));
                fingerprints.put(user.path("id").asText(),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22));
            }
        }
        return fingerprints;
    }

    private void check(int delivered) {
        if (delivered != users) {
            throw new IllegalStateException("delivered " + delivered + " of " + users + " users");
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
