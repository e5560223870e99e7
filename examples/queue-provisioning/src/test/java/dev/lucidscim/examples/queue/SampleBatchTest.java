package dev.lucidscim.examples.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.examples.queue.QueueClient.DeadLetter;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the README's run command does: the bundled sample batch into the seeded simulator. */
class SampleBatchTest {

    private static final QueueSettings QUICK_REDELIVERIES = new QueueSettings(4,
            Duration.ofMillis(20));
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void theSampleIsProvisionedAndItsBadEventsDeadLettered() throws Exception {
        try (LucidTarget target = LucidTarget.simulated(QueueProvisioningApp.SEED);
             Broker broker = Broker.embedded()) {
            LucidScimSimulator lucid = target.simulator().orElseThrow();

            List<EventResult> results = QueueProvisioningApp.runSampleBatch(QUICK_REDELIVERIES, target, broker);

            Map<String, Long> outcomes = results.stream()
                    .collect(Collectors.groupingBy(EventResult::outcome, Collectors.counting()));
            assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("created", 6L, "updated", 4L,
                    "unchanged", 3L, "deactivated", 2L, EventResult.DEAD_LETTERED, 5L));
            assertThat(results).filteredOn(result -> result.attempts() > 1).singleElement()
                    .satisfies(result -> {
                        assertThat(result.event()).isEqualTo("joiner E3001 ana.silva@example.com");
                        assertThat(result.outcome()).as("after the simulated outage").isEqualTo("created");
                    });
            assertThat(BatchSummary.render(results, "broker", "Lucid")).contains("SUMMARY events=20 created=6 "
                    + "updated=4 unchanged=3 deactivated=2 dead_lettered=5 redelivered=1");

            assertThat(lucid.userCount()).as("5 seeded, 6 joiners").isEqualTo(11);
            assertThat(lucid.activeUserCount()).isEqualTo(8);
            assertThat(active(lucid, "tom.baker@example.com")).isFalse();
            assertThat(active(lucid, "david.kim@example.com")).isFalse();
            assertThat(active(lucid, "sam.rivera@example.com")).as("a rehire is not reactivated by a joiner").isFalse();
            assertThat(user(lucid, "maria.lopez@example.com").path(ENTERPRISE).path("department").asText())
                    .isEqualTo("Customer Success");
            assertThat(user(lucid, "priya.nair@example.com").path("title").asText())
                    .isEqualTo("Senior Marketing Manager");
            assertThat(user(lucid, "ben.okafor@example.com").path("title").asText())
                    .isEqualTo("Senior Software Engineer");
            assertThat(user(lucid, "farah.haddad@example.com").path(ENTERPRISE).path("department").asText())
                    .isEqualTo("Strategy");

            List<String> sample = QueueProvisioningApp.sampleEvents();
            List<DeadLetter> letters = new QueueClient(broker).drainDeadLetters();
            assertThat(letters).extracting(DeadLetter::body)
                    .containsExactly(sample.get(6), sample.get(8), sample.get(9), sample.get(10), sample.get(17));
            assertThat(letters).extracting(DeadLetter::errorClass).containsExactly(
                    InvalidEventException.class.getName(), ScimConflictException.class.getName(),
                    InvalidEventException.class.getName(), InvalidEventException.class.getName(),
                    InvalidEventException.class.getName());
            assertThat(letters).extracting(DeadLetter::attempts).containsOnly(1);
        }
    }

    private static boolean active(LucidScimSimulator lucid, String userName) {
        return user(lucid, userName).path("active").asBoolean();
    }

    private static JsonNode user(LucidScimSimulator lucid, String userName) {
        return lucid.userByUserName(userName).orElseThrow(() -> new AssertionError("No Lucid user " + userName));
    }
}
