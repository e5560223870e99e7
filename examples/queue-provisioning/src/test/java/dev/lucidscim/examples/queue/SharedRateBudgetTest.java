package dev.lucidscim.examples.queue;

import java.time.Duration;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared budget's settings, when they are wrong (SeveralConsumersTest runs it against a real PostgreSQL). */
class SharedRateBudgetTest {

    @Test
    void aDatabaseThatCannotBeReachedStopsTheConsumerSayingWhichSettingToCheckWithoutThePassword() {
        // port 1 on loopback: nothing listens there, so the connection is refused at once
        QueueSettings settings = new QueueSettings(null, null, null, 0, Duration.ZERO,
                "jdbc:postgresql://127.0.0.1:1/lucid", "lucid", "db-secret");

        assertThatThrownBy(() -> SharedRateBudget.configure(new Main(), settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("queue.rate-budget-url")
                .hasMessageContaining("queue.rate-budget-password")
                .hasMessageNotContaining("db-secret");
    }
}
