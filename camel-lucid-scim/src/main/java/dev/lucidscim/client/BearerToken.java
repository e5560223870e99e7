package dev.lucidscim.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lucid SCIM bearer token. It leaves this class only as the {@code Authorization} header value; everywhere
 * else ({@link #toString()}, keys, logs) it shows as a short fingerprint of its SHA-256 hash.
 */
public final class BearerToken {

    private final String secret;
    private final String fingerprint;

    private BearerToken(String secret) {
        this.secret = secret;
        this.fingerprint = sha256(secret).substring(0, 12);
    }

    /** Wraps a token; leading and trailing blanks (a pasted newline, say) are removed. */
    public static BearerToken of(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    "No bearer token: generate one in Lucid under Admin > App Integration > SCIM > Settings and set "
                                               + "the bearerToken option");
        }
        return new BearerToken(token.strip());
    }

    String authorizationHeader() {
        return "Bearer " + secret;
    }

    /** The text with every occurrence of the token masked: for server messages that might echo it. */
    String redact(String text) {
        return text == null ? null : text.replace(secret, "****");
    }

    /** Identifies the token without revealing it: equal tokens have equal fingerprints. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BearerToken token && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), token.secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "BearerToken[sha256:" + fingerprint + "...]";
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
