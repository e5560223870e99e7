package dev.lucidscim.examples.springboot;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only requests the HR system signed reach the route: an unsigned one, a wrong signature, a stale or future timestamp
 * and a replayed signature are each answered 401, saying which rule failed, and nothing reaches Lucid.
 */
class HrWebhookSignatureTest extends WebhookServiceTestSupport {

    private static final String JOINER = joiner("ana.silva@example.com", "Analyst");

    private void assertRefused(HttpResponse<String> response, String reason) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(json(response).path("problems").get(0).asText()).as(response.body()).contains(reason);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                scheme -> assertThat(scheme).startsWith("HMAC-SHA256"));
        assertThat(LUCID.requests().size()).as("requests that reached Lucid").isZero();
    }

    @Test
    void anUnsignedRequestIsRefusedAndTellsNothingOfLucidsDirectory() throws Exception {
        LUCID.reserveForOtherAccount("taken@example.com");

        HttpResponse<String> taken = hrSystem.send(hrSystem.unsigned(joiner("taken@example.com", "Analyst")));
        HttpResponse<String> free = hrSystem.send(hrSystem.unsigned(joiner("free@example.com", "Analyst")));

        assertRefused(taken, "the request is not signed");
        assertThat(taken.body()).as("an address held by another account answers as any other")
                .isEqualTo(free.body());
        assertThat(free.statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongSignatureIsRefused() throws Exception {
        long now = HrSystem.nextTimestamp();
        String signedForAnotherBody = hrSystem.signature(joiner("mallory@example.com", "Admin"), now);

        assertRefused(hrSystem.send(hrSystem.unsigned(JOINER).header("X-Signature-Timestamp", Long.toString(now))
                .header("X-Signature", signedForAnotherBody)), "X-Signature does not match");
        HrSystem impostor = new HrSystem(port, "another-secret-of-32-bytes-or-more-0000");
        assertRefused(hrSystem.send(impostor.signed(JOINER, now)),
                "X-Signature does not match");
        assertRefused(hrSystem.send(hrSystem.unsigned(JOINER).header("X-Signature-Timestamp", Long.toString(now))
                .header("X-Signature", "sha256=not-hex")), "X-Signature does not match");
    }

    @Test
    void aSignatureOutsideFiveMinutesIsRefused() throws Exception {
        // the real clock, not HrSystem's: its timestamps may run some seconds ahead
        long now = Instant.now().getEpochSecond();

        assertRefused(hrSystem.send(hrSystem.signed(JOINER, now - 310)), "more than 300 seconds away");
        assertRefused(hrSystem.send(hrSystem.signed(JOINER, now + 320)), "more than 300 seconds away");
        assertRefused(hrSystem.send(hrSystem.signed(JOINER, now).setHeader("X-Signature-Timestamp", "-" + now)),
                "not the signing time in epoch seconds");
    }

    @Test
    void aReplayedSignatureIsRefusedInAnySpelling() throws Exception {
        long now = HrSystem.nextTimestamp();
        String signature = hrSystem.signature(JOINER, now);

        HttpResponse<String> first = hrSystem.send(hrSystem.signed(JOINER, now));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        LUCID.reset();

        assertRefused(hrSystem.send(hrSystem.signed(JOINER, now)), "this signature was used already");
        assertRefused(hrSystem.send(hrSystem.unsigned(JOINER).header("X-Signature-Timestamp", Long.toString(now))
                .header("X-Signature", "sha256=" + signature.substring(7).toUpperCase(Locale.ROOT))),
                "this signature was used already");
    }
}
