package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code Location} and {@code meta.location} come from the simulator's own base URL, never from a Host header. */
class BaseUrlTest extends SimulatorTestSupport {

    private static final String FORGED_HOST = "Host: evil.example:6666";

    @Test
    void aForgedHostHeaderDoesNotReachLocationOrMetaLocation() throws IOException {
        String expected = simulator.baseUrl() + "/Users/lucid-1001";

        RawHttp.Response created = post(simulator, FORGED_HOST);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.headers()).containsEntry("location", expected);
        assertThat(created.json().at("/meta/location").asText()).isEqualTo(expected);
        assertThat(get(simulator, "/Users/lucid-1001", FORGED_HOST).at("/meta/location").asText()).isEqualTo(expected);
        assertThat(get(simulator, "/Users", FORGED_HOST).at("/Resources/0/meta/location").asText())
                .isEqualTo(expected);
        String seeded = simulator.seedUser(Scim.user("john@example.com"));
        assertThat(get(simulator, "/Users/" + seeded, FORGED_HOST).at("/meta/location").asText())
                .isEqualTo(simulator.baseUrl() + "/Users/" + seeded);
    }

    @Test
    void aPublicBaseUrlIsWhatLocationsStartWith() throws IOException {
        String publicUrl = "https://lucid-simulator.ci.example/lucid/scim/v2";
        try (LucidScimSimulator behindAProxy = LucidScimSimulator.builder().publicBaseUrl(publicUrl + "/").build()
                .start()) {
            RawHttp.Response created = post(behindAProxy, FORGED_HOST);

            assertThat(behindAProxy.baseUrl()).isEqualTo(publicUrl);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.headers()).containsEntry("location", publicUrl + "/Users/lucid-1001");
            assertThat(created.json().at("/meta/location").asText()).isEqualTo(publicUrl + "/Users/lucid-1001");
        }
    }

    @Test
    void aPublicBaseUrlMustBeAnHttpUrl() {
        LucidScimSimulator.Builder builder = LucidScimSimulator.builder();

        assertThatThrownBy(() -> builder.publicBaseUrl("ftp://example.com/scim/v2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.publicBaseUrl("/scim/v2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.publicBaseUrl("http://example.com/scim/v2?x=1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RawHttp.Response post(LucidScimSimulator target, String host) throws IOException {
        String user = Scim.user("jane@example.com");
        try (RawHttp http = RawHttp.connect(target)) {
            return http.send(RawHttp.head("POST", "/Users", host, "Authorization: Bearer " + target.token(),
                    "Content-Type: application/scim+json", "Content-Length: " + user.length()) + user)
                    .readResponse();
        }
    }

    private static JsonNode get(LucidScimSimulator target, String path, String host) throws IOException {
        try (RawHttp http = RawHttp.connect(target)) {
            return http.send(RawHttp.head("GET", path, host, "Authorization: Bearer " + target.token()))
                    .readResponse().json();
        }
    }
}
