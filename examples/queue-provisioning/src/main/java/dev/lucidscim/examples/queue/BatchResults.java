package dev.lucidscim.examples.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The results of a batch of events, gathered as the routes finish each one; thread-safe. */
public final class BatchResults implements Consumer<EventResult> {

    private final List<EventResult> results = new ArrayList<>();

    @Override
    public synchronized void accept(EventResult result) {
        results.add(result);
        notifyAll();
    }

    /** Waits until this many events are finished; false if the timeout passed first. */
    public synchronized boolean await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (results.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public synchronized List<EventResult> all() {
        return List.copyOf(results);
    }
}
