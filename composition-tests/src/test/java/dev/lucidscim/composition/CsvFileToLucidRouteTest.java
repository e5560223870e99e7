package dev.lucidscim.composition;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An HR file end to end: file in, Commons CSV, a parallel split upserting each row, the split's aggregate of Lucid's
 * answers marshalled by camel-jackson's default mapper, file out. Lucid answers slowly, so that the rows really are
 * in flight together; the file written must say exactly what Lucid then holds.
 */
class CsvFileToLucidRouteTest extends LucidCompositionTestSupport {

    private static final Duration LUCID_LATENCY = Duration.ofMillis(150);

    @TempDir
    Path folder;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(fileUri("inbox") + "?include=.*\\.csv")
                        .process(new HrCsvRows())
                        .split(body(), AggregationStrategies.flexible(ScimUser.class)
                                .accumulateInCollection(ArrayList.class)).parallelProcessing()
                            .to("lucid-scim:users?operation=upsert")
                        .end()
                        .marshal().json()
                        .to(fileUri("outbox") + "?fileName=${file:name.noext}.json&tempPrefix=.");
            }
        };
    }

    private String fileUri(String name) {
        return "file:" + folder.resolve(name);
    }

    @Test
    void everyRowIsInLucidAndTheWrittenFileSaysWhatLucidHolds() throws Exception {
        lucid.faults().add(FaultRule.delay(LUCID_LATENCY));

        JsonNode written = drop("monday.csv", """
                %s
                E-1,ada@example.com,Ada,Lovelace,Analyst,Analytics
                E-2,alan@example.com,Alan,Turing,Engineer,Research
                E-3,grace@example.com,Grace,Hopper,Admiral,Engineering
                E-4,edsger@example.com,Edsger,Dijkstra,Professor,Research
                E-5,barbara@example.com,Barbara,Liskov,Professor,Research
                E-6,donald@example.com,Donald,Knuth,Author,Research
                """.formatted(HrCsvRows.HEADER));

        assertThat(lucid.userCount()).isEqualTo(6);
        assertThat(lucidUser("grace@example.com").path("title").asText()).isEqualTo("Admiral");
        assertThat(lucidUser("grace@example.com").path("externalId").asText()).isEqualTo("E-3");
        assertThat(lucidUser("grace@example.com")
                .path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").path("department").asText())
                .isEqualTo("Engineering");
        assertWrittenAsLucidHolds(written, 6);
        assertThat(mostRequestsInFlightAtOnce()).as("the split's rows in flight together at Lucid").isGreaterThan(1);
    }

    @Test
    void aSecondFileWritesOnlyWhatChanged() throws Exception {
        String rows = """
                %s
                E-1,ada@example.com,Ada,Lovelace,Analyst,Analytics
                E-2,alan@example.com,Alan,Turing,%s,Research
                """;
        drop("monday.csv", rows.formatted(HrCsvRows.HEADER, "Engineer"));
        lucid.requests().clear();

        JsonNode written = drop("tuesday.csv", rows.formatted(HrCsvRows.HEADER, "Principal Engineer"));

        assertThat(lucid.requests().count("POST", "/Users")).isZero();
        assertThat(lucid.requests().count("PATCH", "/Users")).isEqualTo(1);
        assertThat(lucidUser("alan@example.com").path("title").asText()).isEqualTo("Principal Engineer");
        assertWrittenAsLucidHolds(written, 2);
    }

    /** Drops an HR file into the inbox and waits for the route's JSON file in the outbox. */
    private JsonNode drop(String name, String csv) throws Exception {
        Files.createDirectories(folder.resolve("inbox"));
        Files.writeString(folder.resolve("inbox").resolve(name), csv, StandardCharsets.UTF_8);
        File out = folder.resolve("outbox").resolve(name.replace(".csv", ".json")).toFile();
        // written under a temporary name, then renamed: once it exists, it is whole
        await().atMost(Duration.ofSeconds(10)).until(out::exists);
        return JSON.readTree(out);
    }

    private static void assertWrittenAsLucidHolds(JsonNode written, int users) {
        assertThat(written.isArray()).as(written.toString()).isTrue();
        assertThat(written).hasSize(users);
        written.forEach(LucidCompositionTestSupport::assertAsLucidHolds);
    }

    private static int mostRequestsInFlightAtOnce() {
        List<RecordedRequest> requests = lucid.requests().all();
        int most = 0;
        for (RecordedRequest request : requests) {
            Instant at = request.at();
            int inFlight = (int) requests.stream().filter(other -> !other.at().isAfter(at)
                    && other.at().plus(other.duration()).isAfter(at)).count();
            most = Math.max(most, inFlight);
        }
        return most;
    }
}
