package dev.lucidscim.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The harness survives the JDK client's pooled-connection race on either side, and only that: a connection dropped
 * by the server still fails the round.
 */
class PooledConnectionRaceTest {

    @Test
    void aTaskFailedByTheRaceRunsAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Rounds.rate(1, 1, i -> {
            if (runs.incrementAndGet() == 1) {
                throw raceFailure();
            }
        });
        assertThat(runs).hasValue(2);
    }

    @Test
    void aConnectionTheServerDroppedStillFails() {
        assertThatThrownBy(() -> Rounds.rate(1, 1, i -> {
            throw new IOException("HTTP/1.1 header parser received no bytes");
        })).isInstanceOf(ExecutionException.class).hasRootCauseMessage("HTTP/1.1 header parser received no bytes");
    }

    @Test
    void aTaskTheRaceKeepsFailingFails() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Rounds.rate(1, 1, i -> {
            runs.incrementAndGet();
            throw raceFailure();
        })).isInstanceOf(ExecutionException.class);
        assertThat(runs).hasValue(3);
    }

    /** The scenario that failed: the plain client creating against the canned server at 8 and 32 in flight. */
    @Test
    void thePlainClientCreatesAgainstTheCannedServerAt8And32InFlight() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            try (CannedScimServer server = new CannedScimServer(0)) {
                PlainClient plain = new PlainClient(server.baseUrl(), "token");
                for (int concurrency : new int[] { 8, 32 }) {
                    assertThat(Rounds.rate(10_000, concurrency, i -> plain.send("POST", "/Users",
                            "{\"userName\":\"new" + i + "@example.com\"}"))).isPositive();
                }
            }
        });
    }

    /** What the JDK 17 client throws (cause chain and frames as in a failed benchmark run), built by hand. */
    private static IOException raceFailure() {
        IOException closedLocally = new IOException("connection closed locally");
        closedLocally.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("jdk.internal.net.http.SocketTube", "signalClosed", "SocketTube.java", 159),
                new StackTraceElement("jdk.internal.net.http.ConnectionPool", "cleanup", "ConnectionPool.java", 498),
                new StackTraceElement("jdk.internal.net.http.ConnectionPool$CleanupTrigger", "onNext",
                        "ConnectionPool.java", 537) });
        return new IOException("HTTP/1.1 header parser received no bytes",
                new IOException("HTTP/1.1 header parser received no bytes", closedLocally));
    }
}
