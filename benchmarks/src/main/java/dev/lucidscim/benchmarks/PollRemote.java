package dev.lucidscim.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.builder.RouteBuilder;

/**
 * The consumer's first poll of a large directory against the Lucid-like tenant, in changes mode: every user is
 * delivered, and an id and fingerprint kept per user.
 */
final class PollRemote {

    private static final String POLL = "lucid-scim:users?startScheduler=false";

    private PollRemote() {
    }

    static RemoteOutcome run(LucidLikeTenant tenant, int users) throws Exception {
        try (LucidScimSimulator lucid = tenant.start()) {
            new ChangingRoster(users).seed(lucid);
            AtomicInteger delivered = new AtomicInteger();
            return RemoteRun.measure("remote-poll-" + Comparison.size(users) + "-users", tenant, lucid, POLL, camel -> {
                ((LucidScimConsumer) camel.context.getRoute("poll").getConsumer()).run();
                if (delivered.get() != users) {
                    throw new IllegalStateException("delivered " + delivered.get() + " of " + users + " users");
                }
                return "delivered " + users + " users";
            }, new RouteBuilder() {
                @Override
                public void configure() {
                    from(POLL).routeId("poll").process(exchange -> delivered.incrementAndGet());
                }
            });
        }
    }
}
