package dev.lucidscim.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The requests the simulator received, in order: what tests and benchmarks count and assert on. It keeps every
 * request unless given a capacity ({@link LucidScimSimulator.Builder#requestLogCapacity}); then only the latest, and
 * {@link #dropped()} says how many older ones it let go, so that a long standalone run does not fill the heap. Each
 * body is kept up to a limit ({@link LucidScimSimulator.Builder#requestLogBodyLimit}), whole by default.
 * {@link #totals()} counts every request, those let go included.
 */
public final class RequestLog {

    private final int capacity;
    private final int bodyLimit;
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private long dropped;
    private long total;
    private long gets;
    private long writes;
    private long limited;

    RequestLog(int capacity, int bodyLimit) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The request log needs room for at least one request");
        }
        if (bodyLimit < 0) {
            throw new IllegalArgumentException("The request log's body limit cannot be negative");
        }
        this.capacity = capacity;
        this.bodyLimit = bodyLimit;
    }

    void add(RecordedRequest request) {
        RecordedRequest kept = request.withBodyCutTo(bodyLimit);
        synchronized (this) {
            if (requests.size() == capacity) {
                requests.removeFirst();
                dropped++;
            }
            requests.addLast(kept);
            count(kept);
        }
    }

    private void count(RecordedRequest request) {
        total++;
        switch (request.method()) {
            case "GET" -> gets++;
            case "POST", "PUT", "PATCH", "DELETE" -> writes++;
            default -> {
                // HEAD, OPTIONS: counted among the requests only
            }
        }
        if (request.status() == 429) {
            limited++;
        }
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public synchronized List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        return requests.stream().filter(filter).toList();
    }

    /** The number of requests with this method whose path starts with {@code pathPrefix} (such as /Users). */
    public synchronized long count(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).count();
    }

    /**
     * The number of requests answered with this status, such as 429 (those of the rate limit have no
     * {@link RecordedRequest#fault()}; injected ones do).
     */
    public synchronized long countWithStatus(int status) {
        return requests.stream().filter(r -> r.status() == status).count();
    }

    /**
     * The most requests kept that arrived within any one second (a window starting at each request): what a limit
     * per second saw at its busiest, the figure to hold against a client's rate and the tenant's burst.
     */
    public synchronized int busiestSecond() {
        List<Instant> at = requests.stream().map(RecordedRequest::at).sorted().toList();
        int busiest = 0;
        int end = 0;
        for (int start = 0; start < at.size(); start++) {
            while (end < at.size() && at.get(end).isBefore(at.get(start).plusSeconds(1))) {
                end++;
            }
            busiest = Math.max(busiest, end - start);
        }
        return busiest;
    }

    /** The requests kept. */
    public synchronized int size() {
        return requests.size();
    }

    /** The older requests let go to stay within the capacity: 0 while every request is kept. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Every request since the start or the last {@link #clear()}, those let go to stay within the capacity too. */
    public synchronized RequestTotals totals() {
        return new RequestTotals(total, gets, writes, limited);
    }

    public synchronized void clear() {
        requests.clear();
        dropped = 0;
        total = 0;
        gets = 0;
        writes = 0;
        limited = 0;
    }
}
