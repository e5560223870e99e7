package dev.lucidscim.examples.springboot;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request body over {@code hr.webhook.max-body-size} (64 KiB) is held: a larger Content-Length is answered 413
 * before the body is read, a larger chunked body once the limit is passed, and a body at the limit still reaches the
 * route whole.
 */
class HrWebhookBodyLimitTest extends WebhookServiceTestSupport {

    private static final int LIMIT = 64 * 1024;

    /** A joiner whose unknown field {@code padding} makes it exactly {@code size} bytes long. */
    private static String joinerOfSize(int size) {
        String event = joiner("ana.silva@example.com", "Analyst");
        String start = event.substring(0, event.length() - 1) + ",\"padding\":\"";
        return start + "x".repeat(size - start.length() - 2) + "\"}";
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // were the service to wait for the 150 MB announced, this read would time out
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/hr-events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "Content-Length: 157286400\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).isEqualTo("HTTP/1.1 413 ");
        }
        assertThat(LUCID.requests().size()).as("requests that reached Lucid").isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedEvenWhenSigned() throws Exception {
        HttpResponse<String> refused = hrSystem.send(hrSystem.signedChunked(joinerOfSize(LIMIT + 1)));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(json(refused).path("problems").get(0).asText()).contains("larger than 65536 bytes");
        assertThat(LUCID.requests().size()).as("requests that reached Lucid").isZero();
    }

    @Test
    void aBodyAtTheLimitReachesTheRouteWhole() throws Exception {
        HttpResponse<String> chunked = hrSystem.send(hrSystem.signedChunked(joinerOfSize(LIMIT)));
        HttpResponse<String> sized = hrSystem.post(joinerOfSize(LIMIT));

        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(200);
        assertThat(json(chunked).path("outcome").asText()).isEqualTo("created");
        assertThat(sized.statusCode()).as(sized.body()).isEqualTo(200);
        assertThat(json(sized).path("outcome").asText()).isEqualTo("unchanged");
    }
}
