package dev.lucidscim.examples.springboot.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Accepts a request that the HR system signed: {@code X-Signature} is {@code sha256=} and the hex HMAC-SHA256, with
 * the shared secret, of {@code X-Signature-Timestamp + "." + body}; the timestamp (epoch seconds) is within the
 * tolerance of this service's clock; and the signature was not accepted before. The signature is compared in constant
 * time. A refusal says which rule failed and never shows the secret or the expected signature.
 */
final class SignedRequestVerifier implements AuthenticationProvider {

    static final String ALGORITHM = "HmacSHA256";
    static final String NOT_SIGNED = "the request is not signed: send X-Signature-Timestamp and X-Signature";
    private static final String SCHEME = "sha256=";
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final SecretKey key;
    private final Duration tolerance;
    private final Clock clock;
    private final SeenSignatures seen = new SeenSignatures();

    SignedRequestVerifier(SecretKey key, Duration tolerance, Clock clock) {
        this.key = key;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return SignedRequest.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SignedRequest request = (SignedRequest) authentication;
        if (request.timestamp() == null || request.signature() == null) {
            throw new BadCredentialsException(NOT_SIGNED);
        }
        if (!EPOCH_SECONDS.matcher(request.timestamp()).matches()) {
            throw new BadCredentialsException("X-Signature-Timestamp is not the signing time in epoch seconds");
        }
        long signedAt = Long.parseLong(request.timestamp());
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - signedAt) > tolerance.toSeconds()) {
            throw new BadCredentialsException("X-Signature-Timestamp is more than " + tolerance.toSeconds()
                    + " seconds away from the service's clock: sign each request as it is sent");
        }
        byte[] expected = mac(request.timestamp(), request.body());
        if (!MessageDigest.isEqual(expected, given(request.signature()))) {
            throw new BadCredentialsException("X-Signature does not match: it must be sha256= and the hex HMAC-SHA256"
                    + " of X-Signature-Timestamp + \".\" + body with the shared secret");
        }
        // keyed by what was computed, so that another spelling of the same signature (upper-case hex) is a replay too
        if (!seen.firstUse(HexFormat.of().formatHex(expected), signedAt + tolerance.toSeconds(), now)) {
            throw new BadCredentialsException("this signature was used already: sign each request anew, with the"
                    + " time it is sent");
        }
        return SignedRequest.verified();
    }

    private byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** The signature sent, as bytes; a malformed one as no bytes, which matches nothing. */
    private static byte[] given(String header) {
        String hex = header.startsWith(SCHEME) ? header.substring(SCHEME.length()) : "";
        return HEX_SHA256.matcher(hex).matches() ? HexFormat.of().parseHex(hex) : new byte[0];
    }
}
