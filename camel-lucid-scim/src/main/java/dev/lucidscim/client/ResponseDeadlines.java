package dev.lucidscim.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One watchdog thread for every response body in flight: every quarter second it fails the bodies that passed their
 * deadline. Cheaper than a timer per request, which would wake a scheduler thread for every single request.
 */
final class ResponseDeadlines {

    /** A body that can be cut off. */
    interface Watched {
        long deadlineNanos();

        void expire();
    }

    private static final long SWEEP_MILLIS = 250;
    private static final Set<Watched> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        Thread watchdog = new Thread(ResponseDeadlines::sweepForever, "lucid-scim-response-deadlines");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private ResponseDeadlines() {
    }

    static void watch(Watched body) {
        IN_FLIGHT.add(body);
    }

    static void release(Watched body) {
        IN_FLIGHT.remove(body);
    }

    private static void sweepForever() {
        while (true) {
            try {
                TimeUnit.MILLISECONDS.sleep(SWEEP_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watched body : IN_FLIGHT) {
                if (now - body.deadlineNanos() > 0) {
                    IN_FLIGHT.remove(body);
                    body.expire();
                }
            }
        }
    }
}
