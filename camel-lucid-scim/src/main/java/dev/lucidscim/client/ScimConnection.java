package dev.lucidscim.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

import dev.lucidscim.client.BoundedBodySubscriber.ResponseTooLargeException;

/**
 * The HTTP side of one tenant: the JDK {@link HttpClient} (pooled keep-alive connections, HTTP/2 over TLS where the
 * server offers it), the {@code Authorization}, {@code Accept} and {@code User-Agent} headers, the shared rate limit,
 * the cap on requests in flight, the response size limit and the read timeout. It sends one request once; retrying
 * is {@link ScimRequestExecutor}'s job.
 * <p>
 * The JDK client was chosen because it never writes headers to any log unless a JVM system property asks for it (and
 * then {@link UnsafeJvmSwitches} refuses to start), so the bearer token cannot leak through a DEBUG log of the HTTP
 * layer, and because it adds no dependency that could
 * clash with an application's own HTTP client versions.
 */
public final class ScimConnection {

    static final String SCIM_JSON = "application/scim+json";
    private static final String ACCEPT = SCIM_JSON + ", application/json;q=0.9";

    private final ScimConnectionSettings settings;
    private final HttpClient http;
    private final RateLimiter rateLimiter;
    private final Semaphore inFlight;
    private final TenantStatistics statistics;

    ScimConnection(ScimConnectionSettings settings, RateLimiter rateLimiter, TenantStatistics statistics) {
        UnsafeJvmSwitches.check();
        this.settings = settings;
        this.http = settings.httpClient() != null ? settings.httpClient() : newHttpClient(settings);
        this.rateLimiter = rateLimiter;
        this.inFlight = new Semaphore(settings.maxConnections());
        this.statistics = statistics;
    }

    /** A connection of its own, not shared through a registry: for tools and tests outside Camel. */
    public static ScimConnection create(ScimConnectionSettings settings, RequestRate rate) {
        RateLimiter limiter = new RateLimiter(settings.tenantUrl().hostAndPort(), rate);
        TenantStatistics statistics = new TenantStatistics(settings.tenantUrl());
        statistics.pacedBy(limiter);
        return new ScimConnection(settings, limiter, statistics);
    }

    public ScimConnectionSettings settings() {
        return settings;
    }

    public TenantUrl tenantUrl() {
        return settings.tenantUrl();
    }

    /** The counts of this connection's tenant, shared with every other connection to the same host. */
    public TenantStatistics statistics() {
        return statistics;
    }

    /**
     * Sends the request once, when the tenant's rate limiter lets it, and returns the complete response, whatever its
     * status. A 429 holds the tenant's other requests for its {@code Retry-After}.
     *
     * @param readTimeout the longest wait for the response headers, and again for the whole body: a server that
     *                    trickles bytes is cut off
     * @param maxHold     the longest wait for a hold to end (after another request's 429) before giving up unsent
     * @throws IOException a transport failure; {@link HttpTimeoutException} when the read timeout passed;
     *                     {@link ResponseTooLargeException} when the body is larger than the limit
     * @throws RateLimiter.HoldTooLongException the tenant is held for longer than {@code maxHold}: nothing was sent
     */
    ScimHttpResponse send(ScimRequest request, Duration readTimeout, Duration maxHold)
            throws IOException, InterruptedException, RateLimiter.HoldTooLongException {
        // A slot in flight first, then the permit: a permit is used at once, so no request that got one before a
        // hold began can still be waiting for a slot, and go out, during the hold.
        inFlight.acquire();
        try {
            RateLimiter.Permit permit = rateLimiter.acquire(maxHold);
            statistics.waitedForRateLimit(permit.pacedNanos());
            statistics.waitedForRetryAfter(permit.heldNanos());
            return sendPermitted(request, readTimeout, permit);
        } finally {
            inFlight.release();
        }
    }

    private ScimHttpResponse sendPermitted(ScimRequest request, Duration readTimeout, RateLimiter.Permit permit)
            throws IOException, InterruptedException {
        statistics.sending();
        try {
            // send, not sendAsync: the JDK completes a blocking send on the calling thread, which saves a thread
            // hand-off per request (measured: about half the latency at one request in flight).
            HttpResponse<byte[]> response = http.send(toHttpRequest(request, readTimeout),
                    BoundedBodySubscriber.handler(settings.maxResponseBytes(), readTimeout));
            statistics.answered(request.method(), response.statusCode());
            if (response.statusCode() == 429) {
                rateLimiter.rateLimited(permit, RetryPolicy.parseRetryAfter(
                        response.headers().firstValue("Retry-After").orElse(null), Instant.now()));
            } else {
                rateLimiter.answered(permit, response.statusCode());
            }
            return new ScimHttpResponse(response.statusCode(), response.headers(), response.body(),
                    ServerText.of(settings.token(), request));
        } catch (IOException e) {
            statistics.unanswered(request.method());
            // send wraps the body subscriber's failure in a plain IOException: the caller must see it is a size limit
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ResponseTooLargeException tooLarge) {
                    throw tooLarge;
                }
            }
            throw e;
        } finally {
            statistics.sent();
        }
    }

    private HttpRequest toHttpRequest(ScimRequest request, Duration readTimeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(tenantUrl().resolve(request.path(), request.query()))
                .timeout(readTimeout)
                .header("Authorization", settings.token().authorizationHeader())
                .header("Accept", ACCEPT)
                .header("User-Agent", ComponentVersion.USER_AGENT);
        if (request.ifMatch() != null) {
            builder.header("If-Match", request.ifMatch());
        }
        if (request.body() != null) {
            builder.header("Content-Type", request.contentType())
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static HttpClient newHttpClient(ScimConnectionSettings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // Redirects would carry the token to wherever the server points: SCIM has no use for them.
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain http:// (loopback only) stays on HTTP/1.1: no h2c upgrade for servers that mishandle it.
                .version(settings.tenantUrl().isHttps() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        if (settings.proxy() != null) {
            builder.proxy(settings.proxy().selector());
            if (settings.proxy().authenticator() != null) {
                builder.authenticator(settings.proxy().authenticator());
            }
        }
        return builder.build();
    }
}
