package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Many clients at once: writes are serialized, nothing is lost or doubled. */
class ConcurrencyTest extends SimulatorTestSupport {

    private static final int THREADS = 8;
    private ExecutorService pool;

    @Test
    void eightThreadsCreating50UsersEachEndWith400DistinctUsers() throws Exception {
        List<List<ScimClient.Response>> results = runAtOnce(thread -> () -> {
            List<ScimClient.Response> responses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                responses.add(scim.post("/Users", Scim.user("t" + thread + "-u" + i + "@example.com")));
            }
            return responses;
        });

        List<ScimClient.Response> all = results.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(400).allSatisfy(response -> assertThat(response.status()).as(response.toString())
                .isEqualTo(201));
        Set<String> ids = new HashSet<>();
        all.forEach(response -> ids.add(response.id()));
        assertThat(ids).hasSize(400).allMatch(id -> id.matches("lucid-\\d+"));
        assertThat(simulator.userCount()).isEqualTo(400);
        assertThat(simulator.activeUserCount()).isEqualTo(400);
        assertThat(scim.get("/Users?count=1").totalResults()).isEqualTo(400);
        assertThat(simulator.requests().count("POST", "/Users")).isEqualTo(400);
        assertThat(simulator.users()).extracting(user -> user.path("id").asText())
                .containsExactlyElementsOf(ids.stream().sorted().toList());
    }

    @Test
    void racingForTheSameUserNameCreatesItOnce() throws Exception {
        List<List<ScimClient.Response>> results = runAtOnce(thread -> () -> List.of(
                scim.post("/Users", Scim.user("contested@example.com"))));

        List<Integer> statuses = results.stream().flatMap(List::stream).map(ScimClient.Response::status).toList();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        assertThat(simulator.userCount()).isOne();
    }

    @Test
    void concurrentMembershipPatchesAreAllApplied() throws Exception {
        String group = simulator.seedGroup(Scim.group("Everyone"));
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < THREADS * 10; i++) {
            userIds.add(simulator.seedUser(Scim.user("member" + i + "@example.com")));
        }

        List<List<ScimClient.Response>> results = runAtOnce(thread -> () -> {
            List<ScimClient.Response> responses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String member = userIds.get(thread * 10 + i);
                responses.add(scim.patch("/Groups/" + group,
                        Scim.patch(Scim.op("add", "members", Scim.memberValues(member)))));
                responses.add(scim.get("/Users/" + member));
            }
            return responses;
        });

        assertThat(results.stream().flatMap(List::stream)).allSatisfy(response ->
                assertThat(response.status()).as(response.toString()).isEqualTo(200));
        assertThat(simulator.group(group).orElseThrow().path("members").findValuesAsText("value"))
                .containsExactlyInAnyOrderElementsOf(userIds);
        assertThat(simulator.users()).allSatisfy(user ->
                assertThat(user.path("groups").findValuesAsText("value")).containsExactly(group));
    }

    /**
     * A PATCH without a path goes through the SCIM library, which reads the group, applies the operation and writes
     * the group back: the directory holds the three together, so that no PATCH overwrites another's member.
     */
    @Test
    void concurrentLibraryPatchesOfOneGroupLoseNoMember() throws Exception {
        String group = simulator.seedGroup(Scim.group("Everyone"));
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < THREADS * 5; i++) {
            userIds.add(simulator.seedUser(Scim.user("member" + i + "@example.com")));
        }

        List<List<ScimClient.Response>> results = runAtOnce(thread -> () -> {
            List<ScimClient.Response> responses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String members = "{\"members\":" + Scim.memberValues(userIds.get(thread * 5 + i)) + "}";
                responses.add(scim.patch("/Groups/" + group, Scim.patch(Scim.op("add", null, members))));
            }
            return responses;
        });

        assertThat(results.stream().flatMap(List::stream)).allSatisfy(response ->
                assertThat(response.status()).as(response.toString()).isEqualTo(200));
        assertThat(simulator.group(group).orElseThrow().path("members").findValuesAsText("value"))
                .containsExactlyInAnyOrderElementsOf(userIds);
    }

    private <T> List<T> runAtOnce(java.util.function.IntFunction<Callable<T>> work) throws Exception {
        pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                Callable<T> task = work.apply(thread);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
