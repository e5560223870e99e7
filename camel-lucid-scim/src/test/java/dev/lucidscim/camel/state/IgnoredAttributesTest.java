package dev.lucidscim.camel.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory of ignored attributes: one key per namespace, a retry once a path was found long enough ago. */
class IgnoredAttributesTest {

    private static final Instant FOUND = Instant.parse("2026-01-01T00:00:00Z");
    private final MemoryStateRepository repository = new MemoryStateRepository();

    private IgnoredAttributes at(Instant now, Duration retryAfter) {
        return new IgnoredAttributes(repository, "tenant", retryAfter, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aPathIsAddedOnceUnderTheNamespacesKey() {
        IgnoredAttributes memory = at(FOUND, Duration.ZERO);

        assertThat(memory.add("title")).isTrue();
        assertThat(memory.add("title")).isFalse();
        assertThat(memory.add("nickName")).isTrue();

        assertThat(repository.getState("tenant/ignoredAttributes"))
                .isEqualTo(FOUND.toEpochMilli() + " title," + FOUND.toEpochMilli() + " nickName");
        assertThat(at(FOUND.plus(Duration.ofDays(999)), Duration.ZERO).current()).containsOnlyKeys("title",
                "nickName");
    }

    @Test
    void aPathFoundLongerAgoThanRetryAfterIsWrittenAgainAndFoundAnew() {
        at(FOUND, Duration.ZERO).add("title");

        assertThat(at(FOUND.plus(Duration.ofHours(23)), Duration.ofDays(1)).current()).containsOnlyKeys("title");
        IgnoredAttributes dayLater = at(FOUND.plus(Duration.ofDays(1)), Duration.ofDays(1));
        assertThat(dayLater.current()).isEmpty();

        assertThat(dayLater.add("title")).as("new again").isTrue();
        assertThat(dayLater.current()).containsEntry("title", FOUND.plus(Duration.ofDays(1)));
    }

    @Test
    void anotherNamespaceIsKeptApart() {
        at(FOUND, Duration.ZERO).add("title");

        assertThat(new IgnoredAttributes(repository, "other", Duration.ZERO, Clock.systemUTC()).current()).isEmpty();
    }
}
