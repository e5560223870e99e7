package dev.lucidscim.examples.springboot.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request to the webhook as Spring Security sees it: first unverified, with its signature headers and body as read;
 * once {@link SignedRequestVerifier} accepts it, the HR system, with the one role the webhook requires.
 */
final class SignedRequest extends AbstractAuthenticationToken {

    static final String HR_SYSTEM = "hr-system";
    static final String HR_SYSTEM_ROLE = "HR_SYSTEM";

    private final String timestamp;
    private final String signature;
    private final byte[] body;

    private SignedRequest(String timestamp, String signature, byte[] body, boolean verified) {
        super(verified ? List.of(new SimpleGrantedAuthority("ROLE_" + HR_SYSTEM_ROLE)) : List.of());
        this.timestamp = timestamp;
        this.signature = signature;
        this.body = body;
        super.setAuthenticated(verified);
    }

    static SignedRequest unverified(String timestamp, String signature, byte[] body) {
        return new SignedRequest(timestamp, signature, body, false);
    }

    /** Keeps nothing of the request: the body and signature are not needed past the check. */
    static SignedRequest verified() {
        return new SignedRequest(null, null, new byte[0], true);
    }

    /** {@code X-Signature-Timestamp} as sent, or null. */
    String timestamp() {
        return timestamp;
    }

    /** {@code X-Signature} as sent, or null. */
    String signature() {
        return signature;
    }

    byte[] body() {
        return body;
    }

    @Override
    public Object getCredentials() {
        return signature;
    }

    @Override
    public Object getPrincipal() {
        return HR_SYSTEM;
    }

    /** Verified or not, only a trusted step may mark it so. */
    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("only SignedRequestVerifier can verify a signed request");
        }
        super.setAuthenticated(false);
    }
}
