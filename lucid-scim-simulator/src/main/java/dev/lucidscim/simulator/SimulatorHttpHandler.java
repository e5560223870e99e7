package dev.lucidscim.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;

/**
 * The simulator's HTTP side, in the order a request meets it: injected faults (delay, answer, dropped connection),
 * bearer-token authentication, endpoints Lucid does not offer, then the SCIM library and the directory under the
 * directory's lock (reads shared, writes one at a time), and Lucid's presentation of the answer. Every request is
 * recorded in the {@link RequestLog}.
 */
final class SimulatorHttpHandler implements HttpHandler {

    private static final Set<String> SCIM_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** The schemas Lucid's /Schemas lists. */
    private static final Set<String> LUCID_SCHEMAS = Set.of(
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "urn:ietf:params:scim:schemas:core:2.0:Group",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "urn:ietf:params:scim:schemas:extension:lucid:1.0:User",
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User");

    private record Answer(int status, Map<String, String> headers, String body) {
        static Answer error(int status, String scimType, String detail) {
            return new Answer(status, Map.of("Content-Type", "application/scim+json"),
                    ScimErrors.body(status, scimType, detail));
        }
    }

    private final ResourceEndpoint endpoint;
    private final Directory directory;
    private final Faults faults;
    private final RequestLog requestLog;
    private final String basePath;
    private final byte[] expectedAuthorization;
    private final boolean forbiddenForUnknownUsers;

    SimulatorHttpHandler(ResourceEndpoint endpoint, Directory directory, Faults faults, RequestLog requestLog,
                         String basePath, String token, boolean forbiddenForUnknownUsers) {
        this.endpoint = endpoint;
        this.directory = directory;
        this.faults = faults;
        this.requestLog = requestLog;
        this.basePath = basePath;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.forbiddenForUnknownUsers = forbiddenForUnknownUsers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath().substring(basePath.length());
        path = path.isEmpty() ? "/" : path;
        String query = exchange.getRequestURI().getRawQuery();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String bodyText = new String(body, StandardCharsets.UTF_8);

        Faults.Decision fault = faults.decide(method, path);
        pause(fault.delayMillis());
        FaultRule rule = fault.rule();
        if (rule != null && rule.action() == FaultRule.Action.DROP) {
            record(started, method, path, query, bodyText, 0, fault.description());
            throw new IOException("simulator: connection dropped by fault injection");
        }
        Answer answer = rule != null && rule.action() == FaultRule.Action.RESPOND
                ? injected(rule)
                : process(exchange, method, path, bodyText);
        if (rule != null && rule.action() == FaultRule.Action.DROP_AFTER_COMMIT) {
            record(started, method, path, query, bodyText, 0, fault.description());
            throw new IOException("simulator: connection dropped after commit by fault injection");
        }
        // Recorded before it is sent, so that a client that has its answer finds the request in the log.
        record(started, method, path, query, bodyText, answer.status(), fault.description());
        send(exchange, answer);
    }

    private Answer process(HttpExchange exchange, String method, String path, String body) {
        if (!authorized(exchange)) {
            return Answer.error(401, null, "Invalid or missing bearer token: generate a new token under Admin > "
                                           + "App Integration > SCIM");
        }
        // RFC 7644 features Lucid leaves out
        if (path.startsWith("/Bulk") || path.startsWith("/ResourceTypes") || path.endsWith("/.search")) {
            return Answer.error(404, null, "Lucid does not offer " + path);
        }
        if (!SCIM_METHODS.contains(method)) {
            return Answer.error(405, null, "Method " + method + " is not allowed");
        }
        Answer answer = method.equals("GET")
                ? directory.reading(() -> scim(exchange, method, body))
                : directory.writing(() -> scim(exchange, method, body));
        if (answer.status() == 404 && forbiddenForUnknownUsers && path.startsWith("/Users/")) {
            // Older Lucid API versions answer 403 for a user that does not exist.
            return Answer.error(403, null, "Forbidden");
        }
        return path.startsWith("/Schemas") ? lucidSchemas(path, answer) : answer;
    }

    private Answer scim(HttpExchange exchange, String method, String body) {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        StringEq stringEq = method.equals("GET") ? StringEq.parse(queryParameter(query, "filter")).orElse(null) : null;
        if (stringEq != null) {
            query = withQueryParameter(query, "filter", stringEq.placeholder());
        }
        String url = "http://" + exchange.getRequestHeaders().getFirst("Host") + path
                     + (query == null ? "" : "?" + query);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        ScimResponse response = endpoint.handleRequest(url, HttpMethod.valueOf(method),
                body.isEmpty() ? null : body, headers, ScimEndpointFactory.trustedContext(stringEq));
        int status = response.getHttpStatus();
        boolean empty = status == 204 || status == 304 || response.isEmpty();
        return new Answer(status, response.getHttpHeaders(), empty ? "" : response.toString());
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String parameter : rawQuery.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).equalsIgnoreCase(name)) {
                return URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String withQueryParameter(String rawQuery, String name, String value) {
        StringBuilder rewritten = new StringBuilder();
        for (String parameter : rawQuery.split("&")) {
            int equals = parameter.indexOf('=');
            boolean replaced = equals > 0 && parameter.substring(0, equals).equalsIgnoreCase(name);
            rewritten.append(rewritten.isEmpty() ? "" : "&").append(replaced
                    ? name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : parameter);
        }
        return rewritten.toString();
    }

    /** Lucid's /Schemas lists the user, group and extension schemas only, not the library's own. */
    private static Answer lucidSchemas(String path, Answer answer) {
        if (answer.status() != 200) {
            return answer;
        }
        JsonNode document = JsonHelper.readJsonDocument(answer.body());
        if (!path.equals("/Schemas") && !path.equals("/Schemas/")) {
            return LUCID_SCHEMAS.contains(document.path("id").asText()) ? answer
                    : Answer.error(404, null, "Lucid does not serve this schema");
        }
        ArrayNode kept = ((ObjectNode) document).putArray("Resources");
        JsonHelper.readJsonDocument(answer.body()).path("Resources").forEach(schema -> {
            if (LUCID_SCHEMAS.contains(schema.path("id").asText())) {
                kept.add(schema);
            }
        });
        ((ObjectNode) document).put("totalResults", kept.size()).put("itemsPerPage", kept.size());
        return new Answer(200, answer.headers(), document.toString());
    }

    private static Answer injected(FaultRule rule) {
        Answer answer = Answer.error(rule.status(), null, "Injected by the simulator: " + rule.describe());
        if (rule.retryAfter() == null) {
            return answer;
        }
        Map<String, String> headers = new HashMap<>(answer.headers());
        headers.put("Retry-After", Long.toString(rule.retryAfter().toSeconds()));
        return new Answer(answer.status(), headers, answer.body());
    }

    private boolean authorized(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        return given != null && MessageDigest.isEqual(expectedAuthorization,
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(answer.status(), -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private void record(long started, String method, String path, String query, String body, int status,
                        String fault) {
        requestLog.add(new RecordedRequest(Instant.now(), method, path, query, body, status,
                Duration.ofNanos(System.nanoTime() - started), fault));
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
