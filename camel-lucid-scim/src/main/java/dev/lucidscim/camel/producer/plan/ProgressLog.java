package dev.lucidscim.camel.producer.plan;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how a long reconcile is going every few seconds: done of total, rate, and time left at that rate. */
final class ProgressLog {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final int total;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private long lastLogNanos = startNanos;

    ProgressLog(int total) {
        this.total = total;
    }

    void oneDone() {
        int count = done.incrementAndGet();
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastLogNanos < INTERVAL_NANOS && count < total) {
                return;
            }
            lastLogNanos = now;
        }
        double seconds = (now - startNanos) / 1e9;
        double rate = count / Math.max(seconds, 1e-3);
        LOG.info("Reconcile: {}/{} writes done ({} per second){}", count, total, Math.round(rate),
                count < total ? ", about " + Math.round((total - count) / rate) + " s left" : "");
    }
}
