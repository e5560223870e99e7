package dev.lucidscim.client;

import java.net.http.HttpClient;
import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * What makes two endpoints able to share one HTTP client: tenant, token and connection-level settings. Endpoints
 * whose settings are equal share a {@link ScimConnection}; the rate limit is shared more widely, by tenant and token
 * (see {@link ScimConnectionRegistry}).
 *
 * @param tenantUrl        the SCIM base URL
 * @param token            the bearer token
 * @param connectTimeout   the longest wait for a TCP/TLS connection
 * @param maxConnections   the most requests in flight to the tenant at once (and so connections over HTTP/1.1)
 * @param proxy            an HTTP proxy, or null
 * @param sslContext       the TLS context (trust store, key store), or null for the JVM's default
 * @param httpClient       a client supplied by the application, used as is (then proxy, SSL and connect timeout of
 *                         these settings are not applied), or null
 * @param maxResponseBytes the largest response body accepted
 */
public record ScimConnectionSettings(
        TenantUrl tenantUrl,
        BearerToken token,
        Duration connectTimeout,
        int maxConnections,
        ProxySettings proxy,
        SSLContext sslContext,
        HttpClient httpClient,
        long maxResponseBytes) {

    public ScimConnectionSettings {
        if (tenantUrl == null || token == null) {
            throw new IllegalArgumentException("tenantUrl and token are required");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be 1 or more, not " + maxConnections);
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseSize must be at least 1024 bytes, not " + maxResponseBytes);
        }
    }

    /** Settings with the defaults for everything but tenant and token. */
    public static ScimConnectionSettings of(TenantUrl tenantUrl, BearerToken token) {
        return new ScimConnectionSettings(tenantUrl, token, Duration.ofSeconds(10), 20, null, null, null,
                16L * 1024 * 1024);
    }
}
