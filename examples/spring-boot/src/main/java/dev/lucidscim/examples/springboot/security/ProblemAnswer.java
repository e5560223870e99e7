package dev.lucidscim.examples.springboot.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

/**
 * A refusal written before the request reaches the route, in the shape of the route's own refusals
 * ({@code {"problems":[...]}}), so the HR system reads every answer the same way. It is written directly rather than
 * through {@code sendError}, whose error page would run through the security chain again.
 */
final class ProblemAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAnswer() {
    }

    static void write(HttpServletResponse response, int status, String problem) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), Map.of("problems", List.of(problem)));
    }
}
