package dev.lucidscim.camel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every unit test of the module (failsafe): the log the whole run wrote, with the component at TRACE,
 * Camel at DEBUG and the JDK HTTP client logging requests and TLS, holds none of the tokens the tests used. It also
 * checks that those loggers did write, so that an empty or quiet log cannot pass: after a partial run
 * ({@code -Dtest=...}), skip it with {@code -DskipITs}.
 */
class RunLogHoldsNoTokenIT {

    private static final Path RUN_LOG = Path.of("target", "camel-lucid-scim-test.log");

    @Test
    void theRunsLogHoldsNoToken() throws IOException {
        assertThat(RUN_LOG).as("the log of the unit test run").exists();
        List<String> lines;
        try (Stream<String> all = Files.lines(RUN_LOG, StandardCharsets.UTF_8)) {
            lines = all.toList();
        }

        assertThat(lines).as("lines of the component at DEBUG")
                .filteredOn(line -> line.contains(" DEBUG ") && line.contains("] dev.lucidscim.")).hasSizeGreaterThan(1000);
        assertThat(lines).as("lines of Camel at DEBUG")
                .filteredOn(line -> line.contains(" DEBUG ") && line.contains("] org.apache.camel.")).isNotEmpty();
        assertThat(lines).as("lines of the JDK HTTP client")
                .filteredOn(line -> line.contains("] jdk.httpclient.")).hasSizeGreaterThan(1000);
        for (String token : TestTokens.ALL) {
            assertThat(lines).as("lines holding the token " + token.substring(0, 3) + "...")
                    .filteredOn(line -> line.contains(token)).isEmpty();
        }
        System.out.printf("scanned %d lines of %s for %d tokens: 0 found%n", lines.size(), RUN_LOG,
                TestTokens.ALL.size());
    }
}
