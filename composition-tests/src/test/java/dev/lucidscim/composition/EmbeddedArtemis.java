package dev.lucidscim.composition;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** An Artemis broker in this JVM: in-VM transport only (no port), in memory, no security. */
final class EmbeddedArtemis implements AutoCloseable {

    /** In-VM server ids must differ between brokers alive in one JVM. */
    private static final AtomicInteger IN_VM_IDS = new AtomicInteger();

    private final EmbeddedActiveMQ server;
    private final String url;

    private EmbeddedArtemis(EmbeddedActiveMQ server, String url) {
        this.server = server;
        this.url = url;
    }

    static EmbeddedArtemis start() throws Exception {
        String url = "vm://" + IN_VM_IDS.getAndIncrement();
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setName("composition-tests")
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("in-vm", url)).start();
        return new EmbeddedArtemis(server, url);
    }

    ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(url);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
