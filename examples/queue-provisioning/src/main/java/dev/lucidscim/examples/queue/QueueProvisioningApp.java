package dev.lucidscim.examples.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs the queue consumer. Without {@code LUCID_SCIM_TOKEN}, it provisions into an embedded Lucid simulator seeded
 * with a few existing accounts, publishes the bundled sample events, prints a summary and stops; with a token, it
 * provisions into that tenant whatever arrives on the queue until it is stopped (the sample is never sent to a real
 * tenant). The broker is embedded unless {@code QUEUE_BROKER_URL} names one.
 */
public final class QueueProvisioningApp {

    static final String SAMPLE = "/sample/events.jsonl";
    static final String SEED = "/sample/simulator-seed.json";
    /**
     * The component's retries of one request, short on purpose: Camel's redeliveries, with longer waits, take over
     * for longer outages. Users change it the Camel way ({@code camel.component.lucid-scim.max-retries}).
     */
    static final int LUCID_RETRIES = 2;
    /** How the consumer's first line starts, printed once its routes have started. */
    static final String CONSUMING = "Consuming ";
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

    private QueueProvisioningApp() {
    }

    public static void main(String[] args) throws Exception {
        QueueSettings settings = QueueSettings.fromEnvironment();
        try (LucidTarget target = LucidTarget.fromEnvironment(SEED)) {
            if (!target.isSimulated() && settings.usesEmbeddedBroker()) {
                System.err.println("Set QUEUE_BROKER_URL before running against a real tenant: the embedded broker "
                                   + "has no network port, so nothing outside this process could publish to it");
                System.exit(2);
            }
            try (Broker broker = Broker.connect(settings)) {
                if (target.isSimulated()) {
                    List<EventResult> results = runSampleBatch(settings, target, broker);
                    System.out.println(BatchSummary.render(results, broker.describe(), target.describe()));
                } else {
                    runUntilStopped(settings, target, broker);
                }
            }
        }
    }

    /**
     * Camel Main with the routes, consuming from the broker and provisioning into the target, within the shared rate
     * budget if the settings name one; not yet started.
     */
    static Main create(QueueSettings settings, LucidTarget target, Broker broker, Consumer<EventResult> onResult) {
        Main main = new Main();
        target.configure(main);
        SharedRateBudget.configure(main, settings);
        main.addInitialProperty("camel.component.lucid-scim.max-retries", Integer.toString(LUCID_RETRIES));
        main.bind("jms", JmsComponent.jmsComponent(broker.connectionFactory()));
        main.configure().addRoutesBuilder(new QueueProvisioningRoutes(settings, onResult));
        return main;
    }

    /** Publishes the sample events, waits until each is provisioned or dead-lettered, and stops. */
    static List<EventResult> runSampleBatch(QueueSettings settings, LucidTarget target, Broker broker)
            throws Exception {
        List<String> events = sampleEvents();
        BatchResults results = new BatchResults();
        Main main = create(settings, target, broker, results);
        main.start();
        try {
            simulateShortOutage(target.simulator().orElseThrow());
            System.out.println("Publishing " + events.size() + " sample events to " + Queues.EVENTS + " on "
                               + broker.describe() + "; provisioning into " + target.describe());
            ProducerTemplate producer = main.getCamelTemplate();
            events.forEach(event -> producer.sendBody(Queues.jms(Queues.EVENTS), event));
            if (!results.await(events.size(), BATCH_TIMEOUT)) {
                throw new IllegalStateException("Only " + results.all().size() + " of " + events.size()
                                                + " events were finished after " + BATCH_TIMEOUT.toSeconds() + " s");
            }
            return results.all();
        } finally {
            main.stop();
        }
    }

    /**
     * Makes the simulator answer 503 to the first create for longer than the component retries, so that the run
     * shows Camel redelivering an event (the summary lists it under "Provisioned after redelivery").
     */
    private static void simulateShortOutage(LucidScimSimulator simulator) {
        simulator.faults().add(FaultRule.respond(503).onlyFor("POST", "/Users").next(LUCID_RETRIES + 1));
    }

    private static void runUntilStopped(QueueSettings settings, LucidTarget target, Broker broker) throws Exception {
        Main main = create(settings, target, broker, result -> System.out.println(result.describe()));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                System.out.println(CONSUMING + Queues.EVENTS + " on " + broker.describe() + "; provisioning into "
                                   + target.describe() + (settings.sharesRateBudget() ? " within the shared rate "
                                   + "budget" : "") + ". Stop with Ctrl+C.");
            }
        });
        main.run();
    }

    /** The sample's events, one JSON text per line, published as they are (blank lines skipped). */
    static List<String> sampleEvents() throws IOException {
        try (InputStream sample = QueueProvisioningApp.class.getResourceAsStream(SAMPLE);
             BufferedReader lines = new BufferedReader(new InputStreamReader(sample, StandardCharsets.UTF_8))) {
            return lines.lines().filter(line -> !line.isBlank()).toList();
        }
    }
}
