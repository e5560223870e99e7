package dev.lucidscim.examples.springboot.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hr.webhook.*}: how the HR system proves a request is its own, and how much it may send.
 *
 * @param secret             the secret shared with the HR system ({@code HR_WEBHOOK_SECRET}), at least 32 bytes
 * @param maxBodySize        larger requests are answered 413 before they are read to the end
 * @param signatureTolerance how far a request's signing time may be from this service's clock: older signatures are
 *                           refused, so a captured request cannot be sent again later
 */
@ConfigurationProperties(prefix = "hr.webhook")
public record HrWebhookProperties(String secret, @DefaultValue("64KB") DataSize maxBodySize,
                                  @DefaultValue("5m") Duration signatureTolerance) {

    /** 256 bits: what HMAC-SHA256 can use, and out of reach of guessing. */
    static final int MIN_SECRET_BYTES = 32;

    /**
     * The HMAC key; fails the start, without showing the value, when the secret is missing or too short to be safe.
     */
    SecretKey signingKey() {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("hr.webhook.secret (environment: HR_WEBHOOK_SECRET) is "
                    + (bytes.length == 0 ? "not set" : "shorter than " + MIN_SECRET_BYTES + " bytes")
                    + ": the webhook refuses unsigned requests and needs a secret shared with the HR system, for"
                    + " example HR_WEBHOOK_SECRET=$(openssl rand -hex 32)");
        }
        return new SecretKeySpec(bytes, SignedRequestVerifier.ALGORITHM);
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "HrWebhookProperties[maxBodySize=" + maxBodySize + ", signatureTolerance=" + signatureTolerance + "]";
    }
}
