package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The simulator stands in for Lucid in benchmarks, so its own latency must stay small next to what is measured. The
 * JDK's HttpServer writes the response headers and the body in two writes and leaves Nagle's algorithm on (unless
 * {@code sun.net.httpserver.nodelay=true}), so on Linux the body waits for the client's delayed ACK: about 40 ms on
 * every request, over loopback.
 */
class ResponseLatencyTest {

    private static LucidScimSimulator simulator;
    private static ScimClient scim;

    @BeforeAll
    static void start() {
        simulator = LucidScimSimulator.builder().build().start();
        scim = ScimClient.of(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    @Disabled("BUG: every answer waits ~40 ms for a delayed ACK (Nagle on in the JDK HttpServer); fix proposed in the "
              + "test report (set sun.net.httpserver.nodelay before the first HttpServer is created)")
    void aSimpleRequestIsNotHeldBackByTheDelayedAck() {
        simulator.seedUser(Scim.user("jane@example.com"));
        for (int i = 0; i < 5; i++) {
            scim.get("/Users/lucid-1001");
        }

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long started = System.nanoTime();
            assertThat(scim.get("/Users/lucid-1001").status()).isEqualTo(200);
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(millis);

        assertThat(millis.get(millis.size() / 2)).as("median of " + millis).isLessThan(25);
    }
}
