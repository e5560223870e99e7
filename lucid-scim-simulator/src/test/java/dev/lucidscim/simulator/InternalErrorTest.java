package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever fails inside the simulator, a StackOverflowError included, is answered 500 instead of left hanging. */
class InternalErrorTest extends SimulatorTestSupport {

    /** Hides the default start: without a filter length limit, the parser meets filters that overflow its stack. */
    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().maxFilterLength(Integer.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested", "wide"})
    void aFilterThatOverflowsTheParsersStackIs500AndTheSimulatorGoesOn(String shape) {
        String filter = shape.equals("nested") ? HostileFilters.nested(10_000) : HostileFilters.wide(5000);

        ScimClient.Response response = scim.get(ScimClient.filtered("/Users", filter));

        assertThat(response.status()).as(response.toString()).isEqualTo(500);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(response.json().path("status").asText()).isEqualTo("500");
        assertThat(response.body()).as("no stack trace").doesNotContain("at java.", "at de.", "at dev.", "at org.");
        assertThat(simulator.requests().all()).singleElement().extracting(RecordedRequest::status).isEqualTo(500);
        assertThat(scim.post("/Users", Scim.user("jane@example.com")).status()).isEqualTo(201);
    }
}
