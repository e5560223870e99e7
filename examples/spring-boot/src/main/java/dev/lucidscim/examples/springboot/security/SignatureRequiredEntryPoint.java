package dev.lucidscim.examples.springboot.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The webhook's 401: which signature rule failed, and nothing else. It is the same whatever the event holds, since the
 * request never reached the route or Lucid, so it tells an unauthenticated caller nothing about Lucid's directory.
 */
final class SignatureRequiredEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        response.setHeader("WWW-Authenticate", "HMAC-SHA256 realm=\"hr-events\"");
        ProblemAnswer.write(response, HttpServletResponse.SC_UNAUTHORIZED, refusal instanceof BadCredentialsException
                ? refusal.getMessage() : SignedRequestVerifier.NOT_SIGNED);
    }
}
