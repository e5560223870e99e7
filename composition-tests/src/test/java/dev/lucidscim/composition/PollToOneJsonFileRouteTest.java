package dev.lucidscim.composition;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The change feed as a file a day: the consumer, the aggregator completing from the batch consumer, camel-jackson,
 * file out. One poll must make exactly one file, holding exactly that poll's changes; a poll with no change makes
 * none.
 */
class PollToOneJsonFileRouteTest extends LucidCompositionTestSupport {

    @TempDir
    Path changes;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lucid-scim:users?initialDelay=0&delay=200&pageSize=2").routeId("feed").autoStartup(false)
                        .aggregate(constant(true), AggregationStrategies.flexible(ScimUser.class)
                                .accumulateInCollection(ArrayList.class))
                            .completionFromBatchConsumer()
                        .marshal().json()
                        .to("file:" + changes + "?fileName=changes-${exchangeId}.json&tempPrefix=.");
            }
        };
    }

    @Test
    void eachPollWithChangesIsOneFileOfExactlyItsChanges() throws Exception {
        List<String> firstUsers = List.of("ada@example.com", "alan@example.com", "grace@example.com",
                "edsger@example.com", "barbara@example.com");
        firstUsers.forEach(LucidCompositionTestSupport::seedUser);

        context.getRouteController().startRoute("feed");
        await().atMost(Duration.ofSeconds(10)).until(() -> files().size() == 1);
        assertThat(userNamesIn(files().get(0))).containsExactlyInAnyOrderElementsOf(firstUsers);

        seedUser("donald@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> files().size() == 2);
        // a few more polls find nothing new: no more files
        Thread.sleep(600);

        List<File> written = files();
        assertThat(written).hasSize(2);
        File second = written.stream().filter(file -> !userNamesIn(file).contains("ada@example.com")).findFirst()
                .orElseThrow();
        assertThat(userNamesIn(second)).containsExactly("donald@example.com");
        JsonNode donald = JSON.readTree(second).get(0);
        assertThat(donald.path("id").asText()).isEqualTo(lucidUser("donald@example.com").path("id").asText());
        assertThat(donald.path("meta").path("created").isTextual()).as("an ISO-8601 date").isTrue();
    }

    private List<File> files() {
        File[] found = changes.toFile().listFiles((dir, name) -> name.startsWith("changes-"));
        return found == null ? List.of() : Arrays.asList(found);
    }

    private List<String> userNamesIn(File file) {
        try {
            return StreamSupport.stream(JSON.readTree(file).spliterator(), false)
                    .map(user -> user.path("userName").asText()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
