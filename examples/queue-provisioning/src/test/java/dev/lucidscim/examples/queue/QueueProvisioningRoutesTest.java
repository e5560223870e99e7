package dev.lucidscim.examples.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimServerException;
import dev.lucidscim.examples.queue.QueueClient.DeadLetter;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lucidscim.examples.queue.QueueClient.event;
import static dev.lucidscim.examples.queue.QueueClient.leaver;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's routes, wired as the application wires them, on an embedded broker against the Lucid simulator:
 * events go in through the queue, and what Lucid holds and what the dead-letter queue holds come out.
 */
class QueueProvisioningRoutesTest {

    private static final int REDELIVERIES = 3;
    private static final QueueSettings QUICK_REDELIVERIES = new QueueSettings(REDELIVERIES,
            Duration.ofMillis(20));
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private LucidTarget target;
    private LucidScimSimulator lucid;
    private Broker broker;
    private QueueClient queues;
    private BatchResults results;
    private Main main;

    @BeforeEach
    void start() throws Exception {
        target = LucidTarget.simulated(null);
        lucid = target.simulator().orElseThrow();
        broker = Broker.embedded();
        queues = new QueueClient(broker);
        results = new BatchResults();
        main = QueueProvisioningApp.create(QUICK_REDELIVERIES, target, broker, results);
        // The component's own retries off, so that every 503 reaches Camel's error handler: the redeliveries counted
        // below are Camel's.
        main.addOverrideProperty("camel.component.lucid-scim.max-retries", "0");
        main.start();
    }

    @AfterEach
    void stop() throws Exception {
        main.stop();
        broker.close();
        target.close();
    }

    @Test
    void joinersAreCreatedMoversUpdatedAndLeaversDeactivatedInTheOrderSent() throws Exception {
        lucid.seedUser(user("maria.lopez@example.com", "Maria", "Sales", "Account Executive"));
        lucid.seedUser(user("tom.baker@example.com", "Tom", "Engineering", "Software Engineer"));

        queues.publish(
                event("joiner", "E1", "Ana.Silva@Example.com", "Ana", "Silva", "Sales", "Account Executive"),
                event("mover", "E2", "maria.lopez@example.com", null, null, "Customer Success", "Account Manager"),
                leaver("E3", "tom.baker@example.com"),
                event("joiner", "E4", "dave.kim@example.com", "Dave", "Kim", "Engineering", "Engineer"),
                event("mover", "E4", "dave.kim@example.com", "Dave", "Kim", "Platform", "Staff Engineer"),
                leaver("E4", "dave.kim@example.com"));

        assertThat(awaitResults(6)).extracting(EventResult::outcome)
                .containsExactly("created", "updated", "deactivated", "created", "updated", "deactivated");
        JsonNode ana = userNamed("ana.silva@example.com");
        assertThat(ana.path("active").asBoolean()).isTrue();
        assertThat(ana.path("externalId").asText()).isEqualTo("E1");
        assertThat(ana.path("name").path("givenName").asText()).isEqualTo("Ana");
        assertThat(ana.path("title").asText()).isEqualTo("Account Executive");
        assertThat(ana.path(ENTERPRISE).path("department").asText()).isEqualTo("Sales");
        assertThat(ana.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("E1");
        JsonNode maria = userNamed("maria.lopez@example.com");
        assertThat(maria.path("title").asText()).isEqualTo("Account Manager");
        assertThat(maria.path(ENTERPRISE).path("department").asText()).isEqualTo("Customer Success");
        assertThat(maria.path("name").path("givenName").asText()).as("not in the event, so untouched")
                .isEqualTo("Maria");
        assertThat(userNamed("tom.baker@example.com").path("active").asBoolean()).isFalse();
        JsonNode dave = userNamed("dave.kim@example.com");
        assertThat(dave.path("active").asBoolean()).isFalse();
        assertThat(dave.path("title").asText()).isEqualTo("Staff Engineer");
        assertThat(queues.drainDeadLetters()).isEmpty();
    }

    @Test
    void invalidEventsAreDeadLetteredAsTheyArrivedWithoutAnyRequestToLucid() throws Exception {
        String unknownType = event("transfer", "E1", "ana@example.com", null, null, "Sales", null);
        String noEmail = event("joiner", "E2", null, "Ben", "Okafor", null, null);
        String badEmail = event("leaver", "E3", "chloe(at)example.com", null, null, null, null);
        String notJson = "joiner,E4,dave@example.com";

        queues.publish(unknownType, noEmail, badEmail, notJson);

        assertThat(awaitResults(4)).allMatch(EventResult::isDeadLettered);
        List<DeadLetter> letters = queues.drainDeadLetters();
        assertThat(letters).extracting(DeadLetter::body).containsExactly(unknownType, noEmail, badEmail, notJson);
        assertThat(letters).extracting(DeadLetter::errorMessage).containsExactly(
                "type 'transfer' is not one of joiner, mover, leaver",
                "email is missing: it is the person's Lucid userName",
                "email 'chloe(at)example.com' is not a valid address",
                letters.get(3).errorMessage());
        assertThat(letters.get(3).errorMessage()).startsWith("not JSON: ");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.errorClass()).isEqualTo(InvalidEventException.class.getName());
            assertThat(letter.attempts()).isEqualTo(1);
        });
        assertThat(lucid.requests().size()).isZero();
    }

    @Test
    void aConflictIsDeadLetteredAtOnceAndTheQueueMovesOn() throws Exception {
        Map<String, Object> leftLastYear = user("sam.rivera@example.com", "Sam", "Sales", "Account Executive");
        leftLastYear.put("active", false);
        lucid.seedUser(leftLastYear);
        String rehire = event("joiner", "E1", "sam.rivera@example.com", "Sam", "Rivera", "Sales", "Director");

        queues.publish(rehire, event("joiner", "E2", "ben@example.com", "Ben", "Okafor", null, null));

        assertThat(awaitResults(2)).extracting(EventResult::outcome)
                .containsExactly(EventResult.DEAD_LETTERED, "created");
        List<DeadLetter> letters = queues.drainDeadLetters();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).body()).isEqualTo(rehire);
        assertThat(letters.get(0).errorClass()).isEqualTo(ScimConflictException.class.getName());
        assertThat(letters.get(0).errorMessage()).contains("409", "reactivate");
        assertThat(letters.get(0).attempts()).isEqualTo(1);
        assertThat(lucid.requests().count("POST", "/Users")).as("no retry of a 409").isEqualTo(2);
        assertThat(lucid.users()).filteredOn(user -> user.path("userName").asText().equals("sam.rivera@example.com"))
                .singleElement().satisfies(sam -> assertThat(sam.path("active").asBoolean()).isFalse());
    }

    @Test
    void aShortOutageIsRedeliveredUntilLucidAnswers() throws Exception {
        lucid.faults().add(FaultRule.respond(503).next(2));

        queues.publish(event("joiner", "E1", "ana@example.com", "Ana", "Silva", "Sales", null));

        assertThat(awaitResults(1)).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo("created");
            assertThat(result.attempts()).isEqualTo(3);
        });
        assertThat(lucid.requests().matching(request -> request.status() == 503)).hasSize(2);
        assertThat(userNamed("ana@example.com").path("active").asBoolean()).isTrue();
        assertThat(queues.drainDeadLetters()).isEmpty();
    }

    @Test
    void anOutageThatOutlastsTheRedeliveriesEndsOnTheDeadLetterQueue() throws Exception {
        lucid.faults().add(FaultRule.respond(503));
        String joiner = event("joiner", "E1", "ana@example.com", "Ana", "Silva", "Sales", null);

        queues.publish(joiner);

        assertThat(awaitResults(1)).singleElement().satisfies(result -> assertThat(result.isDeadLettered()).isTrue());
        List<DeadLetter> letters = queues.drainDeadLetters();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).body()).isEqualTo(joiner);
        assertThat(letters.get(0).errorClass()).isEqualTo(ScimServerException.class.getName());
        assertThat(letters.get(0).errorMessage()).contains("503");
        assertThat(letters.get(0).attempts()).isEqualTo(1 + REDELIVERIES);
        assertThat(lucid.requests().size()).isEqualTo(1 + REDELIVERIES);
        assertThat(lucid.userCount()).isZero();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsConfirmedWithoutADuplicate() throws Exception {
        lucid.faults().add(FaultRule.dropAfterCommit().onlyFor("POST", "/Users").next(1));

        queues.publish(event("joiner", "E1", "ana@example.com", "Ana", "Silva", "Sales", null));

        // The component looks the user up instead of replaying the create, finds it, and says it was created.
        assertThat(awaitResults(1)).singleElement().satisfies(result -> {
            assertThat(result.outcome()).as("confirmed by the component's look-up").isEqualTo("created");
            assertThat(result.attempts()).as("deliveries").isEqualTo(1);
        });
        assertThat(lucid.userCount()).isEqualTo(1);
        assertThat(lucid.requests().count("POST", "/Users")).isEqualTo(1);
        assertThat(queues.drainDeadLetters()).isEmpty();
    }

    private List<EventResult> awaitResults(int count) throws InterruptedException {
        assertThat(results.await(count, Duration.ofSeconds(20))).as("%d events finished", count).isTrue();
        return results.all();
    }

    private JsonNode userNamed(String userName) {
        return lucid.userByUserName(userName).orElseThrow(() -> new AssertionError("No Lucid user " + userName));
    }

    private static Map<String, Object> user(String email, String givenName, String department, String title) {
        return new HashMap<>(Map.of(
                "userName", email,
                "emails", List.of(Map.of("value", email, "type", "work", "primary", true)),
                "name", Map.of("givenName", givenName),
                "title", title,
                ENTERPRISE, Map.of("department", department)));
    }
}
