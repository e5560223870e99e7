package dev.lucidscim.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every request the simulator received, in order: what tests and benchmarks count and assert on. */
public final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
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

    public synchronized int size() {
        return requests.size();
    }

    public synchronized void clear() {
        requests.clear();
    }
}
