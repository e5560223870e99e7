package dev.lucidscim.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A tiny SCIM client for the simulator's tests: sends a request with the bearer token (JDK HttpClient, HTTP/1.1) and
 * hands back status, headers and the body parsed as JSON.
 */
final class ScimClient {

    static final String SCIM_JSON = "application/scim+json";
    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final String authorization;
    private final String ifMatch;

    private ScimClient(String baseUrl, String authorization, String ifMatch) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.ifMatch = ifMatch;
    }

    /** A client for the simulator with its own token. */
    static ScimClient of(LucidScimSimulator simulator) {
        return new ScimClient(simulator.baseUrl(), "Bearer " + simulator.token(), null);
    }

    /** The same client with another Authorization header (null: none at all). */
    ScimClient withAuthorization(String authorizationHeader) {
        return new ScimClient(baseUrl, authorizationHeader, ifMatch);
    }

    /** The same client sending {@code If-Match} with this version. */
    ScimClient withIfMatch(String version) {
        return new ScimClient(baseUrl, authorization, version);
    }

    Response get(String path) {
        return unchecked("GET", path, null, null);
    }

    Response post(String path, String body) {
        return unchecked("POST", path, body, SCIM_JSON);
    }

    Response put(String path, String body) {
        return unchecked("PUT", path, body, SCIM_JSON);
    }

    Response patch(String path, String body) {
        return unchecked("PATCH", path, body, SCIM_JSON);
    }

    Response delete(String path) {
        return unchecked("DELETE", path, null, null);
    }

    /** Like the others, but an I/O failure (such as a dropped connection) is thrown as it is. */
    Response send(String method, String path, String body, String contentType) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", SCIM_JSON)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Response(response.statusCode(), response.headers(), response.body(), parse(response.body()));
    }

    Response unchecked(String method, String path, String body, String contentType) {
        try {
            return send(method, path, body, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    /** A query parameter value, percent-encoded (spaces as %20). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code /Users?filter=...} with the filter encoded. */
    static String filtered(String resourcePath, String filter) {
        return resourcePath + "?filter=" + encode(filter);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** One answer: status, headers, raw body and the body as JSON (null when empty or not JSON). */
    record Response(int status, HttpHeaders headers, String body, JsonNode json) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String id() {
            return json.path("id").asText(null);
        }

        /** The {@code Resources} of a ListResponse (empty when absent). */
        List<JsonNode> resources() {
            List<JsonNode> resources = new ArrayList<>();
            json.path("Resources").forEach(resources::add);
            return resources;
        }

        /** The ids of the {@code Resources} of a ListResponse, in order. */
        List<String> resourceIds() {
            return resources().stream().map(resource -> resource.path("id").asText()).toList();
        }

        int totalResults() {
            return json.path("totalResults").asInt(-1);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
