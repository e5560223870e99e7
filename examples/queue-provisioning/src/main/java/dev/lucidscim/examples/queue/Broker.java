package dev.lucidscim.examples.queue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * The JMS broker the events come through: an Artemis broker embedded in this JVM (in-VM transport only, in memory,
 * no network port), an external Artemis broker named by the settings, or one this JVM serves to other processes on
 * loopback ({@link #serveOnLoopback}, what {@link BrokerApp} runs for several consumers on one machine).
 */
public final class Broker implements AutoCloseable {

    /** The role {@link #serveOnLoopback}'s one user has: send, consume and browse on every address, nothing else. */
    private static final String CLIENT_ROLE = "provisioning";
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
        EmbeddedActiveMQ server = new EmbeddedActiveMQ()
                .setConfiguration(configuration().setSecurityEnabled(false).addAcceptorConfiguration("in-vm", url))
                .start();
        return new Broker(new ActiveMQConnectionFactory(url), server, "the embedded Artemis broker (" + url + ")");
    }

    /**
     * Starts an Artemis broker in this JVM that other processes on this machine reach over TCP: it listens on
     * 127.0.0.1 only and lets in only {@code user} with {@code password}. In memory, like the embedded one: events
     * not yet consumed are lost if it stops.
     */
    public static Broker serveOnLoopback(int port, String user, String password) throws Exception {
        if (user == null || password == null) {
            throw new IllegalArgumentException("A broker served to other processes needs a user and a password: set "
                                               + "queue.broker-user and queue.broker-password");
        }
        String url = "tcp://127.0.0.1:" + port;
        Configuration configuration = configuration().setSecurityEnabled(true).addAcceptorConfiguration("tcp", url);
        configuration.putSecurityRoles("#", Set.of(new Role(CLIENT_ROLE, true, true, false, false, false, false,
                false, true)));
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(user, password);
        users.addRole(user, CLIENT_ROLE);
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration)
                .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users)).start();
        return new Broker(new ActiveMQConnectionFactory(url, user, password), server, "the Artemis broker at " + url);
    }

    /** What every broker this class starts has: the two queues and the safety net; in memory, no JMX. */
    private static Configuration configuration() throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("queue-provisioning")
                .setPersistenceEnabled(false)
                .setJMXManagementEnabled(false)
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
