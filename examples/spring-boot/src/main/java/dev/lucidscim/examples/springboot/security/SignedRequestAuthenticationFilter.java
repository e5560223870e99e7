package dev.lucidscim.examples.springboot.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * The webhook chain's authentication step: every request must carry a valid signature over its body. An accepted one
 * goes on as the HR system; any other is answered 401 here, so nothing of it reaches the route or Lucid.
 */
final class SignedRequestAuthenticationFilter extends OncePerRequestFilter {

    static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    static final String SIGNATURE_HEADER = "X-Signature";

    private final AuthenticationManager verifier;
    private final AuthenticationEntryPoint refusal;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contextRepository = new RequestAttributeSecurityContextRepository();

    SignedRequestAuthenticationFilter(AuthenticationManager verifier, AuthenticationEntryPoint refusal) {
        this.verifier = verifier;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CachedBodyRequest read = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        if (read == null) {
            // reading the body here would be unbounded: refuse rather than check what cannot be held safely
            throw new IllegalStateException("RequestBodyLimitFilter must run before the signature check");
        }
        Authentication hrSystem;
        try {
            hrSystem = verifier.authenticate(SignedRequest.unverified(request.getHeader(TIMESTAMP_HEADER),
                    request.getHeader(SIGNATURE_HEADER), read.body()));
        } catch (AuthenticationException refused) {
            contexts.clearContext();
            refusal.commence(request, response, refused);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(hrSystem);
        contexts.setContext(context);
        contextRepository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
