package dev.lucidscim.examples.queue;

import java.util.concurrent.CountDownLatch;

/**
 * Serves the example's broker to other processes on this machine, for a try of several consumers (README, "Several
 * consumers"): {@link Broker#serveOnLoopback} on {@code queue.broker-port} (61616 by default), letting in
 * {@code queue.broker-user} with {@code queue.broker-password}, until the process is stopped. Not for production: it
 * keeps the events in memory; run a real Artemis there.
 */
public final class BrokerApp {

    /** Printed once the broker accepts connections. */
    static final String READY = "Broker ready";

    private BrokerApp() {
    }

    public static void main(String[] args) throws Exception {
        QueueSettings settings = QueueSettings.fromEnvironment();
        int port = port(QueueSettings.setting("queue.broker-port", "61616"));
        Broker broker = Broker.serveOnLoopback(port, settings.brokerUser(), settings.brokerPassword());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                System.err.println("The broker did not stop cleanly: " + e);
            }
        }));
        System.out.println(READY + ": " + broker.describe() + ", queues " + Queues.EVENTS + " and "
                           + Queues.DEAD_LETTERS + ", user " + settings.brokerUser() + ". Stop with Ctrl+C.");
        new CountDownLatch(1).await();
    }

    private static int port(String configured) {
        try {
            int port = Integer.parseInt(configured);
            if (port > 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below says what to set
        }
        throw new IllegalArgumentException("queue.broker-port must be a TCP port, 1 to 65535, not '" + configured
                                           + "'");
    }
}
