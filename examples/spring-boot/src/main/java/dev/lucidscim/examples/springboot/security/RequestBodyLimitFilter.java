package dev.lucidscim.examples.springboot.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a request whose body is larger than the limit, and hands on every other request with its body read
 * into memory ({@link CachedBodyRequest}). A declared {@code Content-Length} over the limit is refused before any of
 * the body is read; a chunked body is read up to one byte past the limit and no further. Runs before Spring
 * Security, so that neither the signature check nor anything after it ever holds more than the limit.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final int maxBytes;

    RequestBodyLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        // the rest of the body is not read: the connection cannot carry another request after it
        response.setHeader("Connection", "close");
        ProblemAnswer.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "the body is larger than " + maxBytes + " bytes: post one event per request");
    }
}
