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

    /**
     * Wraps a token; leading and trailing blanks (a pasted newline, say) are removed. The rest must be an RFC 6750
     * {@code b64token}: a character outside it would make the JDK refuse the header with a message quoting it whole.
     */
    public static BearerToken of(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    "No bearer token: generate one in Lucid under Admin > App Integration > SCIM > Settings and set "
                                               + "the bearerToken option");
        }
        String stripped = token.strip();
        int bad = firstInvalidCharacter(stripped);
        if (bad >= 0) {
            // The position and the kind of character, never the token: the character is not a token character.
            throw new IllegalArgumentException("The bearer token has a character that is not allowed at position "
                                               + (bad + 1) + " of " + stripped.length() + " ("
                                               + describe(stripped.charAt(bad)) + "): a token holds only letters, "
                                               + "digits and - . _ ~ + / with = at the end (RFC 6750). Copy it again "
                                               + "from Lucid, without quotes, spaces or line breaks");
        }
        return new BearerToken(stripped);
    }

    /** @return the index of the first character outside RFC 6750's b64token, or -1 */
    private static int firstInvalidCharacter(String token) {
        int padding = token.length();
        while (padding > 0 && token.charAt(padding - 1) == '=') {
            padding--;
        }
        if (padding == 0) {
            return 0;
        }
        for (int i = 0; i < padding; i++) {
            char c = token.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                              || "-._~+/".indexOf(c) >= 0;
            if (!allowed) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char c) {
        if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029') {
            return "a line break";
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "a space";
        }
        if ("\"'\u2018\u2019\u201c\u201d".indexOf(c) >= 0) {
            return "a quotation mark";
        }
        return String.format("U+%04X", (int) c);
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
