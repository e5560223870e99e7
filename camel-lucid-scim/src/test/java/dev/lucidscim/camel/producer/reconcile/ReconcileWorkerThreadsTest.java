package dev.lucidscim.camel.producer.reconcile;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultThreadPoolFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconcile's writers are threads of the Camel context's own pools (named as Camel names them, seen by its
 * ExecutorServiceManager), and a run's pool is shut down when the run ends.
 */
class ReconcileWorkerThreadsTest extends SimulatedLucidTestSupport {

    /** Every pool the context made, with the names of the threads it started. */
    private final Map<ExecutorService, List<String>> pools = new ConcurrentHashMap<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getExecutorServiceManager().setThreadPoolFactory(new DefaultThreadPoolFactory() {
            @Override
            public ExecutorService newThreadPool(ThreadPoolProfile profile, ThreadFactory threads) {
                List<String> names = new CopyOnWriteArrayList<>();
                ExecutorService pool = super.newThreadPool(profile, task -> {
                    Thread thread = threads.newThread(task);
                    names.add(thread.getName());
                    return thread;
                });
                pools.put(pool, names);
                return pool;
            }
        });
        return context;
    }

    private static ScimUser person(String name) {
        return ScimUser.builder().userName(name + "@example.com").email(name + "@example.com").externalId("E-" + name)
                .active(true).build();
    }

    @Test
    void theWritesRunOnANamedPoolOfTheContextThatIsShutDownAfterTheRun() {
        Exchange run = template.request("lucid-scim:users?operation=reconcile&reconcileConcurrency=2",
                exchange -> exchange.getMessage().setBody(List.of(person("alice"), person("bob"), person("carol"))));

        assertThat(run.getException()).isNull();
        assertThat(lucid.users()).hasSize(3);
        List<ExecutorService> reconcilePools = pools.entrySet().stream()
                .filter(pool -> pool.getValue().stream().anyMatch(name -> name.endsWith(" - LucidScimReconcile")))
                .map(Map.Entry::getKey).toList();
        assertThat(reconcilePools).hasSize(1);
        assertThat(pools.get(reconcilePools.get(0))).allSatisfy(name -> assertThat(name)
                .startsWith("Camel (" + context.getName() + ") thread #"));
        assertThat(reconcilePools.get(0).isShutdown()).isTrue();
    }
}
