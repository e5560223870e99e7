package dev.lucidscim.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's HTTP side, in the order a request meets it: the bearer token (read from the headers: a request
 * without the right one never has its body read), the body within its size cap, the token's rate limit (a request
 * over it is answered 429 and meets no fault), injected faults (delay, answer, dropped connection), the latency of
 * every answer (with the faults' delays), authentication's answer, endpoints Lucid does not offer, the filter's
 * length, the member values of a group write (when limited), the schemas a resource lists (in the standard
 * {@link SimulatorDialect}), then the SCIM library (or, for membership PATCHes in Lucid's form, {@link MemberPatches})
 * and the {@link Directory} (which takes its own lock), and the presentation of the answer (Lucid's schemas; no
 * {@code Location} header in the standard dialect). Every request is recorded in the {@link RequestLog}; whatever
 * fails on the way is answered with a 500.
 */
final class SimulatorHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHttpHandler.class);

    /**
     * Not Lucid's: names the attribute of a filter Lucid documents as "a very slow process" (any but the ones it
     * optimises), so that tests see a client use one. The search is served as any other.
     */
    static final String SLOW_FILTER_HEADER = "X-Simulator-Slow-Filter";
    private static final Set<String> SCIM_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** The schemas Lucid's /Schemas lists. */
    private static final Set<String> LUCID_SCHEMAS = Set.of(
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "urn:ietf:params:scim:schemas:core:2.0:Group",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "urn:ietf:params:scim:schemas:extension:lucid:1.0:User",
            "urn:ietf:params:scim:schemas:extension:lucid:2.0:User");

    /** What the simulator answers: status, headers and body. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer error(int status, String scimType, String detail) {
            return new Answer(status, Map.of("Content-Type", "application/scim+json"),
                    ScimErrors.body(status, scimType, detail));
        }

        Answer withRetryAfter(long seconds) {
            return withHeader("Retry-After", Long.toString(seconds));
        }

        Answer withHeader(String name, String value) {
            Map<String, String> withHeader = new HashMap<>(headers);
            withHeader.put(name, value);
            return new Answer(status, withHeader, body);
        }

        Answer withoutHeader(String name) {
            Map<String, String> without = new HashMap<>(headers);
            without.keySet().removeIf(header -> header.equalsIgnoreCase(name));
            return new Answer(status, without, body);
        }
    }

    /** A request on its way through the handler: what the log records of it. */
    private static final class Received {
        final long started = System.nanoTime();
        final String method;
        final String path;
        final String query;
        final Map<String, String> headers = new HashMap<>();
        /** The body as text; null while it is not read, and for good when the request is refused unread. */
        String body;
        String fault;

        Received(HttpExchange exchange, String basePath) {
            method = exchange.getRequestMethod();
            String below = exchange.getRequestURI().getRawPath().substring(basePath.length());
            path = below.isEmpty() ? "/" : below;
            query = exchange.getRequestURI().getRawQuery();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        }
    }

    /** A token's integration, as the handler serves it. */
    private record Scope(byte[] authorization, TokenIntegration integration, MemberPatches memberPatches) {
    }

    private final List<Scope> scopes;
    private final Faults faults;
    private final RequestLog requestLog;
    private final String basePath;
    private final String baseUrl;
    private final boolean forbiddenForUnknownUsers;
    private final RequestBodyReader bodies;
    private final int maxFilterLength;
    private final SlowClientGuard slowClients;
    private final Latency latency;
    /** Null when requests may carry any number of members. */
    private final MemberValueLimit memberLimit;
    private final SimulatorDialect dialect;

    /**
     * @param integrations the tokens accepted, each with what it serves
     * @param baseUrl      the URL clients reach {@code basePath} by: what {@code Location} and {@code meta.location}
     *                     are built from, never from the request's {@code Host} header
     */
    SimulatorHttpHandler(List<TokenIntegration> integrations, Directory directory, Faults faults,
                         RequestLog requestLog, String basePath, String baseUrl, boolean forbiddenForUnknownUsers,
                         RequestBodyReader bodies, int maxFilterLength, SlowClientGuard slowClients, Latency latency,
                         MemberValueLimit memberLimit, SimulatorDialect dialect) {
        this.scopes = integrations.stream().map(integration -> new Scope(
                ("Bearer " + integration.token()).getBytes(StandardCharsets.UTF_8), integration,
                new MemberPatches(directory, integration.groups(), baseUrl, dialect))).toList();
        this.faults = faults;
        this.requestLog = requestLog;
        this.basePath = basePath;
        this.baseUrl = baseUrl;
        this.forbiddenForUnknownUsers = forbiddenForUnknownUsers;
        this.bodies = bodies;
        this.maxFilterLength = maxFilterLength;
        this.slowClients = slowClients;
        this.latency = latency;
        this.memberLimit = memberLimit;
        this.dialect = dialect;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Received request = new Received(exchange, basePath);
        try {
            serve(exchange, request);
        } catch (IOException clientGoneOrDropped) {
            throw clientGoneOrDropped; // the JDK server closes the connection
        } catch (Throwable failure) {
            // Whatever broke (a parser's StackOverflowError, a bug), the client is answered instead of left hanging.
            LOG.warn("{} {} failed: {}", request.method, request.path, failure.toString());
            LOG.debug("{} {} failed", request.method, request.path, failure);
            if (exchange.getResponseCode() != -1) {
                throw new IOException("simulator: failed after sending the status line", failure);
            }
            answer(exchange, request, Answer.error(500, null, "The simulator failed on this request ("
                                                              + failure.getClass().getSimpleName() + ")"));
        }
    }

    private void serve(HttpExchange exchange, Received request) throws IOException {
        Scope scope = authorized(exchange);
        boolean authorized = scope != null;
        if (authorized) {
            Optional<byte[]> body = bodies.read(exchange);
            if (body.isEmpty()) {
                answer(exchange, request, Answer.error(413, null, "The request body is larger than the "
                                                                  + bodies.maxBytes() + " bytes the simulator reads"));
                return;
            }
            request.body = new String(body.get(), StandardCharsets.UTF_8);
        }
        if (!slowClients.requestRead()) {
            throw new IOException("simulator: the client took too long to send its request");
        }

        // The worker waits the latency out (its client's clock stopped): throughput is at most threads / latency.
        long latencyNanos = latency.nextNanos();
        RateLimit rateLimit = authorized ? scope.integration().rateLimit() : null;
        OptionalLong retryAfter = rateLimit != null ? rateLimit.take() : OptionalLong.empty();
        if (retryAfter.isPresent()) {
            pause(latencyNanos);
            answer(exchange, request, rateLimited(rateLimit, retryAfter.getAsLong()));
            return;
        }
        Faults.Decision fault = faults.decide(request.method, request.path);
        request.fault = fault.description();
        pause(latencyNanos + TimeUnit.MILLISECONDS.toNanos(fault.delayMillis()));
        FaultRule rule = fault.rule();
        if (rule != null && rule.action() == FaultRule.Action.DROP) {
            record(request, 0);
            throw new IOException("simulator: connection dropped by fault injection");
        }
        Answer answer = rule != null && rule.action() == FaultRule.Action.RESPOND
                ? injected(rule)
                : process(request, scope);
        if (rule != null && rule.action() == FaultRule.Action.DROP_AFTER_COMMIT) {
            record(request, 0);
            throw new IOException("simulator: connection dropped after commit by fault injection");
        }
        answer(exchange, request, answer);
    }

    /** The answer to a request with this token's scope (null: no right token). */
    private Answer process(Received request, Scope scope) {
        if (scope == null) {
            return Answer.error(401, null, "Invalid or missing bearer token: generate a new token under Admin > "
                                           + "App Integration > SCIM");
        }
        String path = request.path;
        String method = request.method;
        // RFC 7644 features Lucid leaves out
        if (path.startsWith("/Bulk") || path.startsWith("/ResourceTypes") || path.endsWith("/.search")) {
            return Answer.error(404, null, "Lucid does not offer " + path);
        }
        if (!SCIM_METHODS.contains(method)) {
            return Answer.error(405, null, "Method " + method + " is not allowed");
        }
        Answer refusedFilter = refusedFilter(request.query);
        if (refusedFilter != null) {
            return refusedFilter;
        }
        String tooManyMembers = memberLimit == null ? null : memberLimit.refusal(method, path, request.body);
        if (tooManyMembers != null) {
            return Answer.error(memberLimit.status(), memberLimit.scimType(), tooManyMembers);
        }
        String unlistedSchema = dialect.requiresSchemas() ? RequiredSchemas.refusal(method, path, request.body) : null;
        if (unlistedSchema != null) {
            return Answer.error(400, RequiredSchemas.SCIM_TYPE, unlistedSchema);
        }
        Answer answer = scope.memberPatches().answer(method, path, request.query, request.headers, request.body)
                .orElseGet(() -> scim(request, scope.integration().endpoint()));
        if (answer.status() == 404 && forbiddenForUnknownUsers && path.startsWith("/Users/")) {
            // Older Lucid API versions answer 403 for a user that does not exist.
            return Answer.error(403, null, "Forbidden");
        }
        if (!dialect.sendsLocationHeader()) {
            answer = answer.withoutHeader("Location");
        }
        return path.startsWith("/Schemas") ? lucidSchemas(path, answer) : answer;
    }

    /**
     * A 400 for a filter too long to be given to the parsers (deeply nested or very wide filters overflow the SCIM
     * library's recursive parser); null for one that may be parsed.
     */
    private Answer refusedFilter(String rawQuery) {
        for (String filter : RawQuery.values(rawQuery, "filter")) {
            if (filter.length() > maxFilterLength) {
                return Answer.error(400, "invalidFilter", "The filter is longer than the " + maxFilterLength
                        + " characters the simulator reads: Lucid takes a single eq comparison, such as "
                        + "userName eq \"jane@example.com\"");
            }
        }
        return null;
    }

    private Answer scim(Received request, ResourceEndpoint endpoint) {
        String query = request.query;
        StringEq stringEq = request.method.equals("GET")
                ? StringEq.parse(RawQuery.first(query, "filter")).orElse(null) : null;
        if (stringEq != null) {
            query = RawQuery.withParameter(query, "filter", stringEq.placeholder());
        }
        String url = baseUrl + request.path + (query == null ? "" : "?" + query);
        LucidRequestContext context = ScimEndpointFactory.trustedContext(stringEq);
        ScimResponse response = endpoint.handleRequest(url, HttpMethod.valueOf(request.method),
                request.body.isEmpty() ? null : request.body, request.headers, context);
        int status = response.getHttpStatus();
        boolean empty = status == 204 || status == 304 || response.isEmpty();
        Answer answer = new Answer(status, response.getHttpHeaders(), empty ? "" : response.toString());
        return context.slowFilterAttribute() == null ? answer
                : answer.withHeader(SLOW_FILTER_HEADER, context.slowFilterAttribute());
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
        return rule.retryAfter() == null ? answer : answer.withRetryAfter(rule.retryAfter().toSeconds());
    }

    private static Answer rateLimited(RateLimit rateLimit, long retryAfterSeconds) {
        return Answer.error(429, null, "Rate limited: " + rateLimit.describe() + "; retry after "
                                       + retryAfterSeconds + " s (requests sent before then extend the wait)")
                .withRetryAfter(retryAfterSeconds);
    }

    /** The scope of the request's token; null without a right one. */
    private Scope authorized(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        if (given == null) {
            return null;
        }
        byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
        for (Scope scope : scopes) {
            if (MessageDigest.isEqual(scope.authorization(), bytes)) {
                return scope;
            }
        }
        return null;
    }

    /** Records the request with the answer's status, then sends the answer. */
    private void answer(HttpExchange exchange, Received request, Answer answer) throws IOException {
        // Recorded before it is sent, so that a client that has its answer finds the request in the log.
        record(request, answer.status());
        slowClients.answering();
        if (request.body == null && RequestBodyReader.hasBody(exchange)) {
            // The body stays unread: the connection cannot carry another request after it.
            exchange.getResponseHeaders().set("Connection", "close");
        }
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

    private void record(Received request, int status) {
        requestLog.add(new RecordedRequest(Instant.now(), request.method, request.path, request.query,
                request.body == null ? "" : request.body, false, status,
                Duration.ofNanos(System.nanoTime() - request.started), request.fault));
    }

    private static void pause(long nanos) {
        if (nanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
