package dev.lucidscim.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Warm-up rounds (discarded), then measured rounds, and their median. */
final class Rounds {

    /** One round: prepares what it needs, then measures a rate. */
    interface Round {
        double run() throws Exception;
    }

    private Rounds() {
    }

    static double median(int warmups, int measured, Round round) throws Exception {
        for (int i = 0; i < warmups; i++) {
            round.run();
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            rates.add(round.run());
        }
        Collections.sort(rates);
        int middle = rates.size() / 2;
        return rates.size() % 2 == 1 ? rates.get(middle) : (rates.get(middle - 1) + rates.get(middle)) / 2;
    }

    /** Runs {@code total} tasks on {@code concurrency} threads, returns tasks per second. */
    static double rate(int total, int concurrency, Task task) throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            workers.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        threads.shutdownNow();
        return total / seconds;
    }

    /** The i-th unit of work of a rate measurement. */
    interface Task {
        void run(int i) throws Exception;
    }
}
