package dev.lucidscim.camel.hardening;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 upserts with 32 in flight, run again and again (each run changes every user's title, so each is 10,000 reads
 * and 10,000 writes after the first, which creates): no errors, Lucid holds exactly the last run's roster, and the heap
 * retained after each run does not grow. A leak of a kilobyte per exchange would add 10 MB a run.
 */
class LucidScimLoadTest {

    private static final int USERS = 10_000;
    private static final int IN_FLIGHT = 32;
    private static final int RUNS = 4;
    /** Runs before the heap is taken as the baseline: the first creates the directory, the second warms up. */
    private static final int WARM_UP_RUNS = 2;
    private static final long ALLOWED_GROWTH_BYTES = 16L * 1024 * 1024;

    private LucidScimSimulator lucid;
    private CamelContext context;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        lucid = LucidScimSimulator.builder().threads(IN_FLIGHT).build().start();
        context = new DefaultCamelContext();
        context.addComponent("lucid-scim", SimulatedLucid.component(lucid));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> failures.incrementAndGet());
                from("direct:load")
                        .split(body()).streaming().parallelProcessing().executorService(
                                getContext().getExecutorServiceManager().newFixedThreadPool(this, "load", IN_FLIGHT))
                        .to("lucid-scim:users?operation=upsert&maxConnections=" + IN_FLIGHT)
                        .process(e -> completed.incrementAndGet());
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        lucid.stop();
    }

    private static Iterator<ScimUser> roster(int run) {
        return IntStream.range(0, USERS).mapToObj(i -> {
            String address = "load" + i + "@example.com";
            return ScimUser.builder().userName(address).email(address).title("Title of run " + run).build();
        }).iterator();
    }

    @Test
    void tenThousandUpsertsAgainAndAgainWithoutErrorsOrGrowth() {
        List<Long> retained = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            completed.set(0);
            long start = System.nanoTime();
            context.createProducerTemplate().sendBody("direct:load", roster(run));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(failures.get()).as("failed upserts in run " + run).isZero();
            assertThat(completed.get()).as("completed upserts in run " + run).isEqualTo(USERS);
            assertThat(lucid.userCount()).isEqualTo(USERS);
            String title = "Title of run " + run;
            assertThat(lucid.users()).extracting(user -> user.path("title").asText()).containsOnly(title);
            // The simulator's own request log would otherwise be the growth measured.
            lucid.requests().clear();
            retained.add(retainedHeap());
            System.out.printf("load run %d: %d upserts, %d in flight, %d ms, %d errors, %d MB retained%n", run, USERS,
                    IN_FLIGHT, millis, failures.get(), retained.get(run - 1) / (1024 * 1024));
        }
        long baseline = retained.get(WARM_UP_RUNS - 1);
        assertThat(retained.subList(WARM_UP_RUNS, RUNS)).as("heap retained after each run, baseline " + baseline)
                .allSatisfy(bytes -> assertThat(bytes - baseline).isLessThan(ALLOWED_GROWTH_BYTES));
    }

    /** Used heap after full collections, which is what stays reachable. */
    private static long retainedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
