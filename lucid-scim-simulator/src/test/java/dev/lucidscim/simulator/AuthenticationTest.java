package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer-token authentication: 401 with a SCIM error body on a missing or wrong token, on every endpoint. */
class AuthenticationTest extends SimulatorTestSupport {

    private static final String TOKEN = "auth-test-token";

    /** Hides the default start: this class's simulator has other settings. */
    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().token(TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Users", "/Groups", "/ServiceProviderConfig", "/Schemas", "/Users/lucid-1001"})
    void missingTokenIsRejectedWith401AndAScimErrorBody(String path) {
        simulator.seedUser(Scim.user("jane@example.com"));

        ScimClient.Response response = scim.withAuthorization(null).get(path);

        assertUnauthorized(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-token", "Bearer " + TOKEN + "x", "Bearer", TOKEN, "Basic dXNlcjpwYXNz",
                            "Bearer  " + TOKEN})
    void wrongTokenIsRejectedWith401(String authorization) {
        assertUnauthorized(scim.withAuthorization(authorization).get("/Users"));
        assertUnauthorized(scim.withAuthorization(authorization).get("/ServiceProviderConfig"));
    }

    @Test
    void aRejectedWriteChangesNothing() {
        ScimClient.Response response = scim.withAuthorization("Bearer wrong").post("/Users",
                Scim.user("jane@example.com"));

        assertUnauthorized(response);
        assertThat(simulator.userCount()).isZero();
    }

    @Test
    void theRightTokenIsAccepted() {
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        assertThat(scim.get("/ServiceProviderConfig").status()).isEqualTo(200);
        assertThat(scim.post("/Users", Scim.user("jane@example.com")).status()).isEqualTo(201);
        assertThat(simulator.token()).isEqualTo(TOKEN);
    }

    private static void assertUnauthorized(ScimClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.json()).as("a SCIM error body: " + response.body()).isNotNull();
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(response.json().path("status").asText()).isEqualTo("401");
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }
}
