package dev.lucidscim.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time a worker spends waiting on one client, so that clients that trickle their requests (or never take
 * their answers) cannot hold every worker. The JDK server reads a request's line and headers on the worker, before
 * the handler runs; so the clock starts when a worker picks a request up: the client has the timeout to send it
 * (line, headers and body) and, once the answer is ready, the timeout again to take it. A worker still waiting
 * then is interrupted, which closes the connection: a blocking {@link java.nio.channels.SocketChannel} read or write
 * gives up with {@link java.nio.channels.ClosedByInterruptException}. The simulator's own time on a request (the
 * directory, injected delays) is not counted.
 *
 * <p>This is per server. The JDK's {@code sun.net.httpserver.maxReqTime} and {@code maxRspTime} would do much the
 * same, but they are system properties read once for every server of the JVM, so an embedded simulator setting them
 * would change the servers of the application under test.
 */
final class SlowClientGuard implements Executor, AutoCloseable {

    private final ExecutorService workers;
    private final long timeoutNanos;
    private final Map<Thread, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;

    SlowClientGuard(ExecutorService workers, Duration timeout) {
        this.workers = workers;
        this.timeoutNanos = timeout.toNanos();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lucid-scim-simulator-slow-client-guard");
            thread.setDaemon(true);
            return thread;
        });
        // Checking ten times per timeout cuts a client off at most a tenth late.
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), timeoutNanos / 10);
        watchdog.scheduleAtFixedRate(this::cutOffLateClients, period, period, TimeUnit.NANOSECONDS);
    }

    /** Runs one exchange of the JDK server on a worker, its client on the clock from the start. */
    @Override
    public void execute(Runnable exchange) {
        workers.execute(() -> {
            Watch watch = new Watch(Thread.currentThread());
            watches.put(watch.worker, watch);
            watch.start(System.nanoTime() + timeoutNanos);
            try {
                exchange.run();
            } finally {
                watches.remove(watch.worker);
                watch.end();
            }
        });
    }

    /**
     * Called by the handler once the request is read: the clock stops while the simulator works on it.
     *
     * @return false when the client was already cut off
     */
    boolean requestRead() {
        Watch watch = watches.get(Thread.currentThread());
        return watch == null || watch.pause();
    }

    /** Called by the handler before it sends the answer: the client has the timeout again to take it. */
    void answering() {
        Watch watch = watches.get(Thread.currentThread());
        if (watch != null) {
            watch.start(System.nanoTime() + timeoutNanos);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private void cutOffLateClients() {
        long now = System.nanoTime();
        watches.values().forEach(watch -> watch.cutOffIfLate(now));
    }

    /**
     * One worker's clock. Its changes are synchronized so that an interrupt is only ever sent while the worker waits on
     * its client, never once it has moved on to the directory or to the next exchange.
     */
    private static final class Watch {
        private final Thread worker;
        private boolean running;
        private boolean cutOff;
        private long deadline;

        Watch(Thread worker) {
            this.worker = worker;
        }

        synchronized void start(long deadline) {
            if (!cutOff) {
                this.deadline = deadline;
                running = true;
            }
        }

        synchronized boolean pause() {
            running = false;
            return !cutOff;
        }

        synchronized void cutOffIfLate(long now) {
            if (running && now - deadline > 0) {
                running = false;
                cutOff = true;
                worker.interrupt();
            }
        }

        /** On the worker itself: the pool's thread must not carry the interrupt to the next exchange. */
        synchronized void end() {
            running = false;
            Thread.interrupted();
        }
    }
}
