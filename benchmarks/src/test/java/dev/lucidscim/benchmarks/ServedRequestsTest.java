package dev.lucidscim.benchmarks;

import java.io.IOException;

import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run's requests as the simulator's log holds them: 429s apart, then pages (GETs) and writes. */
class ServedRequestsTest {

    @Test
    void the429sAreCountedApartFromPagesAndWrites() throws Exception {
        try (LucidScimSimulator lucid = LucidScimSimulator.builder().build().start()) {
            lucid.faults().add(FaultRule.respond(429).next(2));
            PlainClient client = new PlainClient(lucid.baseUrl(), lucid.token());
            String user = "{\"userName\":\"jane@example.com\",\"emails\":[{\"value\":\"jane@example.com\"}]}";
            assertThatThrownBy(() -> client.send("GET", "/Users", null)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> client.send("POST", "/Users", user)).isInstanceOf(IOException.class);
            client.send("GET", "/Users", null);
            client.send("POST", "/Users", user);
            client.send("GET", "/Users?startIndex=101", null);
            client.send("DELETE", "/Users/lucid-1001", null);

            assertThat(ServedRequests.of(lucid.requests())).isEqualTo(new ServedRequests(6, 2, 2, 2));
        }
    }
}
