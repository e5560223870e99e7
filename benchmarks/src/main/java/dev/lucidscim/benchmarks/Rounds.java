package dev.lucidscim.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Warm-up rounds (discarded), then measured rounds, and their median. */
final class Rounds {

    /** One round: prepares what it needs, then measures a rate. */
    interface Round {
        double run() throws Exception;
    }

    private Rounds() {
    }

    /**
     * The component's and the baseline's median rates. Rounds alternate between the two, so that both run on an
     * equally warm JVM, server and machine; warm-up rounds are discarded.
     *
     * @return the component's median, then the baseline's
     */
    static double[] compare(int warmups, int measured, Round component, Round baseline) throws Exception {
        for (int i = 0; i < warmups; i++) {
            component.run();
            baseline.run();
        }
        List<Double> componentRates = new ArrayList<>();
        List<Double> baselineRates = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            componentRates.add(component.run());
            baselineRates.add(baseline.run());
        }
        return new double[] { median(componentRates), median(baselineRates) };
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Runs {@code total} tasks on {@code concurrency} threads, returns tasks per second. */
    static double rate(int total, int concurrency, Task task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "benchmark-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < concurrency; t++) {
                workers.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        PooledConnectionRace.survive(task, i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return total / ((System.nanoTime() - started) / 1e9);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The i-th unit of work of a rate measurement. */
    interface Task {
        void run(int i) throws Exception;
    }
}
