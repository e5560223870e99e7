package dev.lucidscim.benchmarks;

import dev.lucidscim.simulator.RecordedRequest;
import dev.lucidscim.simulator.RequestLog;

/**
 * What a run sent, from the simulator's request log: every request, those answered 429 (sent again later by the
 * client's retries), and of the others the listing pages (GETs) and the writes.
 */
record ServedRequests(long requests, long limited, long pages, long writes) {

    static ServedRequests of(RequestLog log) {
        long requests = 0;
        long limited = 0;
        long pages = 0;
        for (RecordedRequest request : log.all()) {
            requests++;
            if (request.status() == 429) {
                limited++;
            } else if (request.method().equals("GET")) {
                pages++;
            }
        }
        return new ServedRequests(requests, limited, pages, requests - limited - pages);
    }
}
