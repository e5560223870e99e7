package dev.lucidscim.examples.springboot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HR system in the tests: posts events to the webhook, signed the way the README tells an HR system to sign
 * them, and computed here independently of the service's own code, so a change of the scheme on either side fails.
 */
final class HrSystem {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /**
     * Two identical events signed in the same second carry the same signature, and the second is refused as a
     * replay; the tests post identical events in quick succession, so each gets a later second than the last.
     */
    private static final AtomicLong LAST_TIMESTAMP = new AtomicLong();

    private final URI events;
    private final String secret;

    HrSystem(int port, String secret) {
        this.events = URI.create("http://127.0.0.1:" + port + "/api/hr-events");
        this.secret = secret;
    }

    /** Signed now, as an HR system sends an event. */
    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return send(signed(body, nextTimestamp()));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder unsigned(String body) {
        return HttpRequest.newBuilder(events).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpRequest.Builder signed(String body, long timestamp) {
        return unsigned(body).header("X-Signature-Timestamp", Long.toString(timestamp))
                .header("X-Signature", signature(body, timestamp));
    }

    /** Signed now, sent with {@code Transfer-Encoding: chunked}: no Content-Length announces the size. */
    HttpRequest.Builder signedChunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return signed(body, nextTimestamp())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} with the shared secret. */
    String signature(String body, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static long nextTimestamp() {
        long now = Instant.now().getEpochSecond();
        return LAST_TIMESTAMP.updateAndGet(last -> Math.max(last + 1, now));
    }
}
