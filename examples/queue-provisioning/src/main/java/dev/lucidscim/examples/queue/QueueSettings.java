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
 * @param rateBudgetUrl   the JDBC URL of a PostgreSQL database holding the rate budget this consumer shares with
 *                        the others of the same tenant ({@link SharedRateBudget}), or null for a budget of its own
 * @param rateBudgetUser  that database's user, or null
 * @param rateBudgetPassword that database's password, or null
 */
public record QueueSettings(String brokerUrl, String brokerUser, String brokerPassword, int redeliveries,
                            Duration redeliveryDelay, String rateBudgetUrl, String rateBudgetUser,
                            String rateBudgetPassword) {

    /** Settings of one consumer on the embedded broker, with a rate budget of its own: for tests. */
    public QueueSettings(int redeliveries, Duration redeliveryDelay) {
        this(null, null, null, redeliveries, redeliveryDelay, null, null, null);
    }

    public static QueueSettings fromEnvironment() {
        return new QueueSettings(
                setting("queue.broker-url", null),
                setting("queue.broker-user", null),
                setting("queue.broker-password", null),
                Integer.parseInt(setting("queue.redeliveries", "4")),
                Duration.ofMillis(TimeUtils.toMilliSeconds(setting("queue.redelivery-delay", "1s"))),
                setting("queue.rate-budget-url", null),
                setting("queue.rate-budget-user", null),
                setting("queue.rate-budget-password", null));
    }

    public boolean usesEmbeddedBroker() {
        return brokerUrl == null;
    }

    public boolean sharesRateBudget() {
        return rateBudgetUrl != null;
    }

    /** Never shows the passwords, nor the JDBC URL (which may carry one). */
    @Override
    public String toString() {
        return "QueueSettings[brokerUrl=" + (usesEmbeddedBroker() ? "embedded" : brokerUrl) + ", brokerUser="
               + brokerUser + ", redeliveries=" + redeliveries + ", redeliveryDelay=" + redeliveryDelay
               + ", rateBudget=" + (sharesRateBudget() ? "shared, user " + rateBudgetUser : "own") + "]";
    }

    /** A system property, else the environment variable Camel derives from it, else {@code defaultValue}. */
    static String setting(String name, String defaultValue) {
        return MainHelper.lookupPropertyFromSysOrEnv(name).map(String::strip).filter(value -> !value.isEmpty())
                .orElse(defaultValue);
    }
}
