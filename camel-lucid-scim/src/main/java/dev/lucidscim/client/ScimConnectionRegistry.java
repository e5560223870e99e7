package dev.lucidscim.client;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares connections: endpoints with equal {@link ScimConnectionSettings} get one {@link ScimConnection} (one HTTP
 * client and connection pool), and every connection to the same tenant with the same token gets one
 * {@link RateLimiter}, so the limit, and a 429's hold, holds for the tenant as a whole. When endpoints ask for
 * different rates, the most cautious holds (see {@link RequestRate}). Reference counted: the last release drops the
 * connection.
 * <p>
 * {@link TenantStatistics} are kept per tenant host for the registry's life, not reference counted: counts survive a
 * route's restart, and there is one set of counts (one metric) per host whatever the tokens and paths used with it.
 */
public final class ScimConnectionRegistry {

    private record TenantKey(TenantUrl tenantUrl, BearerToken token) {
    }

    private static final class Shared<T> {
        final T value;
        int references;

        Shared(T value) {
            this.value = value;
        }
    }

    private final Map<ScimConnectionSettings, Shared<ScimConnection>> connections = new HashMap<>();
    private final Map<TenantKey, Shared<RateLimiter>> rateLimiters = new HashMap<>();
    private final Map<String, TenantStatistics> statistics = new LinkedHashMap<>();

    /**
     * @param rate the endpoint's rate ({@link RequestRate#NONE} for none: another endpoint of the tenant may still
     *             have set one, which then applies to this one too)
     */
    public synchronized ScimConnection acquire(ScimConnectionSettings settings, RequestRate rate) {
        TenantKey tenant = new TenantKey(settings.tenantUrl(), settings.token());
        Shared<RateLimiter> limiter = rateLimiters.computeIfAbsent(tenant,
                key -> new Shared<>(new RateLimiter(settings.tenantUrl().hostAndPort(), rate)));
        limiter.value.limitTo(rate);
        Shared<ScimConnection> connection = connections.get(settings);
        if (connection == null) {
            TenantStatistics counts = statistics.computeIfAbsent(settings.tenantUrl().hostAndPort(),
                    host -> new TenantStatistics(settings.tenantUrl()));
            counts.pacedBy(limiter.value);
            connection = new Shared<>(new ScimConnection(settings, limiter.value, counts));
            connections.put(settings, connection);
            limiter.references++;
        }
        connection.references++;
        return connection.value;
    }

    public synchronized void release(ScimConnection connection) {
        ScimConnectionSettings settings = connection.settings();
        Shared<ScimConnection> shared = connections.get(settings);
        if (shared == null || shared.value != connection || --shared.references > 0) {
            return;
        }
        connections.remove(settings);
        TenantKey tenant = new TenantKey(settings.tenantUrl(), settings.token());
        Shared<RateLimiter> limiter = rateLimiters.get(tenant);
        if (limiter != null && --limiter.references == 0) {
            rateLimiters.remove(tenant);
        }
    }

    /** The rate limiter in force for a tenant and token, or null when none of its endpoints is started. */
    public synchronized RateLimiter rateLimiterOf(TenantUrl tenantUrl, BearerToken token) {
        Shared<RateLimiter> limiter = rateLimiters.get(new TenantKey(tenantUrl, token));
        return limiter == null ? null : limiter.value;
    }

    /** The counts of every tenant a connection was acquired for, in the order they were first used. */
    public synchronized List<TenantStatistics> statistics() {
        return List.copyOf(statistics.values());
    }
}
