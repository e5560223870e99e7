package dev.lucidscim.benchmarks;

/**
 * A race in the JDK 17 HTTP client (JDK-8338569, JDK-8357639; fixed in JDK 24 and 25), which both sides use: a pooled
 * connection taken for the next request while its idle watcher is still subscribed can have the server's answer read
 * by that watcher, which takes it for stray data ("Data received while in pool"), closes the connection and fails the
 * request with "HTTP/1.1 header parser received no bytes". The server did answer. Seen on loopback, about once per
 * few hundred thousand requests at 8 to 32 in flight, when the machine is busy.
 */
final class PooledConnectionRace {

    private static final String IDLE_WATCHER = "jdk.internal.net.http.ConnectionPool$CleanupTrigger";
    /** Hit this many times in a row, a task has failed for another reason: the race is rare. */
    private static final int MAX_ATTEMPTS = 3;

    private PooledConnectionRace() {
    }

    /**
     * Runs a task, and again when this race failed it: the same for both sides, and said on stderr so that a run
     * shows how often it happened.
     */
    static void survive(Rounds.Task task, int i) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                task.run(i);
                return;
            } catch (Exception e) {
                if (attempt == MAX_ATTEMPTS || !causedIt(e)) {
                    throw e;
                }
                System.err.println("task " + i + " ran again after the JDK HTTP client's pooled-connection race: " + e);
            }
        }
    }

    /**
     * Whether the failure came from the idle watcher receiving an answer. Only this: a connection the server closed
     * fails without that frame, so a misbehaving server still fails the benchmark.
     */
    static boolean causedIt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().equals(IDLE_WATCHER) && frame.getMethodName().equals("onNext")) {
                    return true;
                }
            }
        }
        return false;
    }
}
