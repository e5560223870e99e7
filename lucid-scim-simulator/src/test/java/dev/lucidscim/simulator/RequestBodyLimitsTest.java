package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request bodies are read only once the token is checked, and only up to the size cap. */
class RequestBodyLimitsTest extends SimulatorTestSupport {

    private static final int CAP = 4096;

    /** Hides the default start: this class's simulator has a small cap. */
    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().maxRequestBodySize(CAP));
    }

    @Test
    void aRequestWithoutTheTokenIsAnsweredBeforeItsBodyArrives() throws IOException {
        try (RawHttp http = RawHttp.connect(simulator)) {
            http.send(postUsers("Bearer wrong", "Content-Length: 2000"));
            http.send("{\"userName\":\"jane@example.com\"");

            RawHttp.Response response = http.readResponse();

            assertScimError(response, 401);
            assertThat(response.headers()).as("the body stays unread").containsEntry("connection", "close");
            http.shutdownOutput();
            assertThat(http.closedBySimulatorWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertRecordedWithoutBody(401);
    }

    @Test
    void theBodyOfARequestWithoutTheTokenIsNotRecorded() {
        ScimClient.Response response = scim.withAuthorization("Bearer wrong").post("/Users",
                Scim.user("jane@example.com"));

        assertThat(response.status()).isEqualTo(401);
        assertRecordedWithoutBody(401);
    }

    @Test
    void aBodyDeclaredLargerThanTheCapIs413WithoutWaitingForIt() throws IOException {
        try (RawHttp http = RawHttp.connect(simulator)) {
            http.send(postUsers("Bearer " + simulator.token(), "Content-Length: " + (CAP + 1)));

            RawHttp.Response response = http.readResponse();

            assertScimError(response, 413);
            assertThat(response.json().path("detail").asText()).contains(Integer.toString(CAP));
            assertThat(response.headers()).containsEntry("connection", "close");
        }
        assertRecordedWithoutBody(413);
    }

    @Test
    void aChunkedBodyIsReadUntilItGrowsPastTheCap() throws IOException {
        try (RawHttp http = RawHttp.connect(simulator)) {
            http.send(postUsers("Bearer " + simulator.token(), "Transfer-Encoding: chunked"));
            String half = " ".repeat(CAP / 2);
            http.chunk(half).chunk(half).chunk(" ");

            assertScimError(http.readResponse(), 413);
        }
        assertRecordedWithoutBody(413);
        assertThat(simulator.userCount()).isZero();
    }

    @Test
    void aChunkedBodyWithinTheCapIsRead() throws IOException {
        try (RawHttp http = RawHttp.connect(simulator)) {
            http.send(postUsers("Bearer " + simulator.token(), "Transfer-Encoding: chunked"));
            String user = Scim.user("jane@example.com");
            http.chunk(user.substring(0, 10)).chunk(user.substring(10)).chunk("");

            assertThat(http.readResponse().status()).isEqualTo(201);
        }
    }

    @Test
    void aBodyOfExactlyTheCapIsRead() {
        String user = Scim.user("jane@example.com");
        String padded = user + " ".repeat(CAP - user.getBytes(StandardCharsets.UTF_8).length);

        assertThat(scim.post("/Users", padded).status()).isEqualTo(201);
        assertThat(scim.post("/Users", Scim.user("john@example.com") + " ".repeat(CAP)).status()).isEqualTo(413);
        assertThat(simulator.userCount()).isOne();
    }

    private static String postUsers(String authorization, String framing) {
        return RawHttp.head("POST", "/Users", "Host: 127.0.0.1", "Authorization: " + authorization,
                "Content-Type: application/scim+json", framing);
    }

    /** The log holds the one request, with its status and without its body. */
    private static void assertRecordedWithoutBody(int status) {
        assertThat(simulator.requests().all()).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(status);
            assertThat(request.body()).isEmpty();
        });
    }

    private static void assertScimError(RawHttp.Response response, int status) throws IOException {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("schemas").get(0).asText()).isEqualTo(Scim.ERROR);
        assertThat(response.json().path("status").asText()).isEqualTo(Integer.toString(status));
    }
}
