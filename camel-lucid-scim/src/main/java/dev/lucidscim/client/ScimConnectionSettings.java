package dev.lucidscim.client;

import java.net.Proxy;
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
 *                         these settings are not applied), or null; it must not follow redirects
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
        if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("The httpClient given follows redirects (" + httpClient.followRedirects()
                                               + "), which would carry the bearer token, and the body of a create "
                                               + "with any password, to whatever host a redirect names: build it "
                                               + "with followRedirects(HttpClient.Redirect.NEVER)");
        }
        if (!tenantUrl.mayUseProxy() && (proxy != null || proxiesTenant(httpClient, tenantUrl))) {
            throw new IllegalArgumentException("tenantUrl " + tenantUrl + " uses plain http:// through a proxy, which "
                                               + "would send the bearer token in clear text to the proxy: use "
                                               + "https://, no proxy for a loopback simulator, or set "
                                               + "allowInsecureHttp=true for a trusted test network");
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseSize must be at least 1024 bytes, not " + maxResponseBytes);
        }
    }

    private static boolean proxiesTenant(HttpClient httpClient, TenantUrl tenantUrl) {
        return httpClient != null && httpClient.proxy().map(selector -> selector.select(tenantUrl.uri()).stream()
                .anyMatch(proxy -> proxy.type() != Proxy.Type.DIRECT)).orElse(false);
    }

    /** Settings with the defaults for everything but tenant and token. */
    public static ScimConnectionSettings of(TenantUrl tenantUrl, BearerToken token) {
        return new ScimConnectionSettings(tenantUrl, token, Duration.ofSeconds(10), 20, null, null, null,
                16L * 1024 * 1024);
    }
}
