package dev.lucidscim.camel.consumer;

import java.util.concurrent.atomic.AtomicInteger;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory of 10,000 users polls to completion, every user delivered once, and the next poll finds nothing to
 * deliver. Time and heap are printed for the record (CI does not assert on them; the benchmarks measure them).
 */
class LucidScimConsumerScaleTest {

    private static final int USERS = 10_000;

    @Test
    void tenThousandUsersPollToCompletion() throws Exception {
        try (LucidScimSimulator lucid = LucidScimSimulator.builder().build().start()) {
            for (int i = 0; i < USERS; i++) {
                lucid.seedUser("{\"userName\":\"user" + i + "@example.com\",\"emails\":[{\"value\":\"user" + i
                               + "@example.com\"}],\"name\":{\"givenName\":\"User\",\"familyName\":\"" + i + "\"},"
                               + "\"title\":\"Engineer\"}");
            }
            AtomicInteger delivered = new AtomicInteger();
            CamelContext context = new DefaultCamelContext();
            LucidScimComponent component = SimulatedLucid.component(lucid);
            context.addComponent("lucid-scim", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("lucid-scim:users?startScheduler=false").routeId("feed")
                            .process(exchange -> delivered.incrementAndGet());
                }
            });
            context.start();
            LucidScimConsumer consumer = (LucidScimConsumer) context.getRoute("feed").getConsumer();

            long started = System.nanoTime();
            consumer.run();
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(delivered).hasValue(USERS);
            assertThat(consumer.getState().size()).isEqualTo(USERS);
            assertThat(lucid.requests().count("GET", "/Users")).isEqualTo(USERS / 100);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("SCALE first poll of %d users: %d ms, %d pages, heap used after GC %d MB "
                              + "(simulator included)%n", USERS, millis, lucid.requests().count("GET", "/Users"),
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));

            started = System.nanoTime();
            consumer.run();
            System.out.printf("SCALE second poll (no change): %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(delivered).hasValue(USERS);
            context.stop();
        }
    }
}
