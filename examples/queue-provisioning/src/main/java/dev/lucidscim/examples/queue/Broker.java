package dev.lucidscim.examples.queue;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The JMS broker the events come through: an Artemis broker embedded in this JVM (in-VM transport only, in memory,
 * no network port), or an external Artemis broker named by the settings.
 */
public final class Broker implements AutoCloseable {

    /** In-VM server ids must differ between brokers alive in one JVM (tests start several one after another). */
    private static final AtomicInteger IN_VM_IDS = new AtomicInteger();

    private final ConnectionFactory connectionFactory;
    private final EmbeddedActiveMQ embedded;
    private final String description;

    private Broker(ConnectionFactory connectionFactory, EmbeddedActiveMQ embedded, String description) {
        this.connectionFactory = connectionFactory;
        this.embedded = embedded;
        this.description = description;
    }

    public static Broker connect(QueueSettings settings) throws Exception {
        if (settings.usesEmbeddedBroker()) {
            return embedded();
        }
        return new Broker(new ActiveMQConnectionFactory(settings.brokerUrl(), settings.brokerUser(),
                settings.brokerPassword()), null, "the Artemis broker at " + settings.brokerUrl());
    }

    /** Starts an Artemis broker in this JVM, with both queues declared. */
    public static Broker embedded() throws Exception {
        String url = "vm://" + IN_VM_IDS.getAndIncrement();
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration(url)).start();
        return new Broker(new ActiveMQConnectionFactory(url), server, "the embedded Artemis broker (" + url + ")");
    }

    private static Configuration configuration(String url) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("queue-provisioning")
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("in-vm", url)
                .addQueueConfiguration(QueueConfiguration.of(Queues.EVENTS).setRoutingType(RoutingType.ANYCAST))
                .addQueueConfiguration(QueueConfiguration.of(Queues.DEAD_LETTERS).setRoutingType(RoutingType.ANYCAST));
        // The broker's own safety net, for when Camel cannot even dead-letter an event (the consumer then leaves it
        // unacknowledged): a few redeliveries by the broker, then the same dead-letter queue, without Camel's headers.
        configuration.addAddressSetting(Queues.EVENTS, new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(Queues.DEAD_LETTERS))
                .setMaxDeliveryAttempts(3)
                .setRedeliveryDelay(1000));
        return configuration;
    }

    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** For the console: which broker this run uses (never the credentials). */
    public String describe() {
        return description;
    }

    @Override
    public void close() throws Exception {
        if (connectionFactory instanceof AutoCloseable closeable) {
            closeable.close();
        }
        if (embedded != null) {
            embedded.stop();
            // The in-VM transport's shared threads are not daemons and idle for 60 s: without this the JVM (and the
            // run command) would wait a minute before exiting. The pool is created again for the next broker.
            InVMConnector.resetThreadPool();
        }
    }
}
