package dev.lucidscim.camel.consumer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A context stopped in the middle of a change batch, and a new one started on the same state file: every change is
 * delivered, at most the one in flight twice, and a repeat carries the same change id so a route can drop it.
 */
class LucidScimConsumerStopMidBatchTest {

    private static final int USERS = 60;
    private static final int STOP_AT = 25;

    @TempDir
    Path folder;
    private LucidScimSimulator lucid;
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();

    private record Delivered(String resourceId, String changeId) {
    }

    @BeforeEach
    void start() {
        lucid = LucidScimSimulator.builder().build().start();
        for (int i = 0; i < USERS; i++) {
            String userName = "user" + i + "@example.com";
            lucid.seedUser("{\"userName\":\"" + userName + "\",\"emails\":[{\"value\":\"" + userName + "\"}]}");
        }
    }

    @AfterEach
    void stop() {
        lucid.stop();
    }

    private CamelContext startContext(Consumer<CamelContext> onEachChange) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(
                folder.resolve("lucid-state.dat").toFile()));
        context.addComponent("lucid-scim", SimulatedLucid.component(lucid));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("lucid-scim:users?startScheduler=false&pageSize=10&stateRepository=#state").routeId("feed")
                        .process(exchange -> {
                            delivered.add(new Delivered(
                                    exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class),
                                    exchange.getMessage().getHeader(LucidScimConstants.CHANGE_ID, String.class)));
                            onEachChange.accept(context);
                        });
            }
        });
        context.start();
        return context;
    }

    private static void poll(CamelContext context) {
        ((LucidScimConsumer) context.getRoute("feed").getConsumer()).run();
    }

    @Test
    void everyChangeIsDeliveredAndOnlyTheOneInFlightMayRepeat() throws Exception {
        CompletableFuture<Void> stopping = new CompletableFuture<>();
        CamelContext first = startContext(context -> {
            if (delivered.size() == STOP_AT) {
                // The stop begins while this change is in flight; it waits for it, the rest of the batch does not.
                stopping.completeAsync(() -> {
                    context.stop();
                    return null;
                });
                LucidScimConsumer consumer = (LucidScimConsumer) context.getRoute("feed").getConsumer();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (consumer.isBatchAllowed() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
        });
        poll(first);
        stopping.get(30, TimeUnit.SECONDS);
        int deliveredBeforeTheStop = delivered.size();

        CamelContext second = startContext(context -> { });
        poll(second);
        second.stop();

        assertThat(deliveredBeforeTheStop).as("changes delivered before the stop").isBetween(STOP_AT, STOP_AT + 1);
        List<String> ids = delivered.stream().map(Delivered::resourceId).toList();
        assertThat(ids.stream().distinct()).as("users whose creation was delivered").hasSize(USERS);
        assertThat(ids.size() - USERS).as("repeats").isBetween(0, 1);
        assertThat(delivered).extracting(Delivered::changeId).doesNotContainNull();
        assertThat(delivered.stream().collect(Collectors.groupingBy(Delivered::resourceId,
                Collectors.mapping(Delivered::changeId, Collectors.toSet()))))
                .as("change ids per user: a repeat has the same id").allSatisfy((id, changeIds) -> assertThat(
                        changeIds).hasSize(1));
    }
}
