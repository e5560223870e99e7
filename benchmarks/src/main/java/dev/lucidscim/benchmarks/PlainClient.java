package dev.lucidscim.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The baseline: what a developer would write without the component. A pooled JDK HTTP client (the same library the
 * component uses, so that the comparison measures the component's own cost), the same headers, hand-built JSON.
 */
final class PlainClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String authorization;

    PlainClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + token;
    }

    HttpResponse<byte[]> send(String method, String pathAndQuery, String json) throws IOException,
                                                                                     InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Accept", "application/scim+json");
        if (json != null) {
            request.header("Content-Type", "application/scim+json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + pathAndQuery + " answered " + response.statusCode());
        }
        return response;
    }

    /** A JSON string literal, escaped by hand. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
