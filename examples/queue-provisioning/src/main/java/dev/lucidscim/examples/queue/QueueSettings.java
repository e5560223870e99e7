package dev.lucidscim.examples.queue;

import java.time.Duration;

import org.apache.camel.main.MainHelper;
import org.apache.camel.util.TimeUtils;

/**
 * The example's settings, each from a system property ({@code -Dqueue.broker-url=...}) or the environment variable
 * Camel derives from it ({@code QUEUE_BROKER_URL=...}), with defaults that suit the embedded broker.
 *
 * @param brokerUrl       an external Artemis broker ({@code tcp://host:61616}), or null for the embedded one
 * @param brokerUser      the external broker's user, or null
 * @param brokerPassword  the external broker's password, or null
 * @param redeliveries    how often Camel redelivers an event that failed for a transient reason
 * @param redeliveryDelay the wait before the first redelivery; it doubles for each further one
 */
public record QueueSettings(String brokerUrl, String brokerUser, String brokerPassword, int redeliveries,
                            Duration redeliveryDelay) {

    public static QueueSettings fromEnvironment() {
        return new QueueSettings(
                setting("queue.broker-url", null),
                setting("queue.broker-user", null),
                setting("queue.broker-password", null),
                Integer.parseInt(setting("queue.redeliveries", "4")),
                Duration.ofMillis(TimeUtils.toMilliSeconds(setting("queue.redelivery-delay", "1s"))));
    }

    public boolean usesEmbeddedBroker() {
        return brokerUrl == null;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "QueueSettings[brokerUrl=" + (usesEmbeddedBroker() ? "embedded" : brokerUrl) + ", brokerUser="
               + brokerUser + ", redeliveries=" + redeliveries + ", redeliveryDelay=" + redeliveryDelay + "]";
    }

    private static String setting(String name, String defaultValue) {
        return MainHelper.lookupPropertyFromSysOrEnv(name).map(String::strip).filter(value -> !value.isEmpty())
                .orElse(defaultValue);
    }
}
