package dev.lucidscim.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one tenant's requests did, counted where they are sent: requests by method and status, retries, the time spent
 * waiting for {@code Retry-After} and for the client-side rate limit, the requests in flight, and the rate in force
 * (the adaptive rate's, as it changes). Named by the tenant's
 * host (and port), never by its token or path, so that it can be shown and used as a metric tag.
 * <p>
 * Counting costs a few nanoseconds and allocates nothing once a method and status were seen: adders, no locks, and a
 * slot per method and status created on first use. Methods and statuses are all there is to a request here: no path,
 * id or filter, which hold user names.
 */
public final class TenantStatistics {

    /** The methods the client sends, in the order they are listed. */
    public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** The status of a request that got no complete answer (connection failed, read timeout, body too large). */
    public static final int NO_ANSWER = 0;
    private static final int STATUSES = 1000;

    private final String tenant;
    /** One adder per method and status (index method * 1000 + status), created when first counted. */
    private final AtomicReferenceArray<LongAdder> requests = new AtomicReferenceArray<>(METHODS.size() * STATUSES);
    private final LongAdder retries = new LongAdder();
    private final LongAdder retryAfterWaitNanos = new LongAdder();
    private final LongAdder rateLimitWaitNanos = new LongAdder();
    private final LongAdder inFlight = new LongAdder();
    /** The limiter of the token used last with this host (one, unless several tokens are). */
    private volatile RateLimiter pace;

    TenantStatistics(TenantUrl tenantUrl) {
        this.tenant = tenantUrl.hostAndPort();
    }

    /** The tenant's host, with the port when the URL names one, such as {@code users.lucid.app}. */
    public String tenant() {
        return tenant;
    }

    void answered(String method, int status) {
        count(method, status >= 100 && status < STATUSES ? status : NO_ANSWER);
    }

    void unanswered(String method) {
        count(method, NO_ANSWER);
    }

    void retried() {
        retries.increment();
    }

    /** Most requests waited for nothing: adding 0 would only touch the adder. */
    void waitedForRetryAfter(long nanos) {
        if (nanos > 0) {
            retryAfterWaitNanos.add(nanos);
        }
    }

    void waitedForRateLimit(long nanos) {
        if (nanos > 0) {
            rateLimitWaitNanos.add(nanos);
        }
    }

    void pacedBy(RateLimiter limiter) {
        pace = limiter;
    }

    void sending() {
        inFlight.increment();
    }

    void sent() {
        inFlight.decrement();
    }

    /** Requests sent with this method that got this status ({@link #NO_ANSWER} for none). */
    public long requests(String method, int status) {
        LongAdder adder = requests.get(slot(method, status));
        return adder == null ? 0 : adder.sum();
    }

    /** Calls back once for every method and status counted at least once. */
    public void forEachRequestCount(RequestCountConsumer consumer) {
        for (int slot = 0; slot < requests.length(); slot++) {
            LongAdder adder = requests.get(slot);
            if (adder != null) {
                consumer.accept(METHODS.get(slot / STATUSES), slot % STATUSES, adder.sum());
            }
        }
    }

    /** A status as shown and tagged: the number, or {@code none} for {@link #NO_ANSWER}. */
    public static String statusName(int status) {
        return status == NO_ANSWER ? "none" : Integer.toString(status);
    }

    /** Answers with status 429, of any method. */
    public long rateLimited() {
        long total = 0;
        for (String method : METHODS) {
            total += requests(method, 429);
        }
        return total;
    }

    /** Requests sent again after a 429, a 5xx or an I/O error. */
    public long retries() {
        return retries.sum();
    }

    /**
     * Time spent waiting because Lucid's {@code Retry-After} asked for it: before retrying the request that got the
     * 429, and by every other request held until its window ended.
     */
    public long retryAfterWaitNanos() {
        return retryAfterWaitNanos.sum();
    }

    /** Time requests spent waiting for the client-side rate limit ({@code requestsPerSecond}). */
    public long rateLimitWaitNanos() {
        return rateLimitWaitNanos.sum();
    }

    /** The client-side rate in force, requests per second: {@code requestsPerSecond}, or the adaptive rate; 0: none. */
    public double requestsPerSecond() {
        RateLimiter limiter = pace;
        return limiter == null ? 0 : limiter.permitsPerSecond();
    }

    /** The rate configured ({@code requestsPerSecond}, the lowest of the tenant's endpoints); 0: none. */
    public double configuredRequestsPerSecond() {
        RateLimiter limiter = pace;
        return limiter == null ? 0 : limiter.configuredPerSecond();
    }

    /** Whether the rate in force adapts to 429s ({@code adaptiveRate}). */
    public boolean adaptiveRate() {
        RateLimiter limiter = pace;
        return limiter != null && limiter.isAdaptive();
    }

    /** Requests sent and not answered yet. */
    public long inFlight() {
        return inFlight.sum();
    }

    @FunctionalInterface
    public interface RequestCountConsumer {
        void accept(String method, int status, long count);
    }

    private void count(String method, int status) {
        int slot = slot(method, status);
        LongAdder adder = requests.get(slot);
        if (adder == null) {
            requests.compareAndSet(slot, null, new LongAdder());
            adder = requests.get(slot);
        }
        adder.increment();
    }

    private static int slot(String method, int status) {
        int index = METHODS.indexOf(method);
        if (index < 0) {
            // ScimRequest is built with the methods above only
            throw new IllegalArgumentException("Not a SCIM method: " + method);
        }
        return index * STATUSES + status;
    }
}
