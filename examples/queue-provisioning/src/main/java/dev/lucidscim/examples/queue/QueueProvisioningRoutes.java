package dev.lucidscim.examples.queue;

import java.util.function.Consumer;
import java.util.function.Function;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.error.ScimRateLimitedException;
import dev.lucidscim.error.ScimServerException;
import dev.lucidscim.error.ScimTransportException;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * Joiner, mover and leaver events from a queue into Lucid: joiners and movers are upserted, leavers deactivated.
 * Transient failures are redelivered with backoff; whatever cannot be provisioned goes to the dead-letter queue as it
 * arrived, with the reason in {@link DeadLetterHeaders}. The README's "Error handling" explains the choices.
 */
public class QueueProvisioningRoutes extends RouteBuilder {

    /** Exchange property: the event as {@link ProvisioningEvent#describe()} puts it, for results and logs. */
    private static final String EVENT = "provisioningEvent";
    /** Exchange property: Camel's redeliveries so far. A property, because useOriginalMessage restores headers. */
    private static final String REDELIVERIES = "provisioningRedeliveries";
    private static final String DEAD_LETTER = "direct:dead-letter";

    private final QueueSettings settings;
    private final Consumer<EventResult> onResult;

    /**
     * @param onResult told what became of each event, once it is provisioned or dead-lettered
     */
    public QueueProvisioningRoutes(QueueSettings settings, Consumer<EventResult> onResult) {
        this.settings = settings;
        this.onResult = onResult;
    }

    @Override
    public void configure() {
        // Whatever onException below does not name is permanent: an invalid event, a 400, a 409, a revoked token.
        // Retrying cannot fix it, so the event is dead-lettered at once, as it arrived, so that it can be replayed.
        errorHandler(deadLetterChannel(DEAD_LETTER)
                // If even the dead-letter queue fails, fail the delivery: the event stays on the broker.
                .deadLetterHandleNewException(false)
                .useOriginalMessage()
                .logExhausted(false));

        // Transient: Lucid down or throttling (after the component's own short retries), or not reached. Redelivered
        // with backoff from the failed step; upsert and deactivate look the user up again each time, so repeating one
        // is safe even after a create that may have reached Lucid (ScimTransportException.mayHaveReachedServer()).
        onException(ScimServerException.class, ScimRateLimitedException.class, ScimTransportException.class)
                .maximumRedeliveries(settings.redeliveries())
                .redeliveryDelay(settings.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .onRedelivery(exchange -> exchange.setProperty(REDELIVERIES,
                        exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)))
                // The error handler's useOriginalMessage does not carry over to an onException: repeat it, or the
                // dead letter would hold the ScimUser body, which camel-jms sends as an empty message.
                .useOriginalMessage();

        // One consumer, and redeliveries that block it: a person's events are applied in the order they were sent.
        // Client acknowledgement: the broker forgets an event only once it is provisioned or dead-lettered.
        from(Queues.jms(Queues.EVENTS) + "?concurrentConsumers=1&acknowledgementModeName=CLIENT_ACKNOWLEDGE")
                .routeId("provisioning-events")
                .process(this::readEvent)
                .choice()
                    .when(exchange -> event(exchange).type() == ProvisioningEvent.Type.LEAVER)
                        .process(toUser(EventUserMapper::toLeaver))
                        .to("lucid-scim:users?operation=deactivate")
                    .otherwise()
                        .process(toUser(EventUserMapper::toUser))
                        .to("lucid-scim:users?operation=upsert")
                .end()
                .process(exchange -> onResult.accept(EventResult.provisioned(describe(exchange),
                        exchange.getMessage().getHeader(LucidScimConstants.OUTCOME, String.class),
                        attempts(exchange))));

        from(DEAD_LETTER).routeId("provisioning-dead-letter")
                .process(exchange -> DeadLetterHeaders.apply(exchange.getMessage(), caught(exchange),
                        attempts(exchange)))
                .to(Queues.jms(Queues.DEAD_LETTERS))
                .process(exchange -> onResult.accept(EventResult.deadLettered(describe(exchange), caught(exchange),
                        attempts(exchange))));
    }

    /** Replaces the JSON body by the event; an invalid event fails here, before anything is sent to Lucid. */
    private void readEvent(Exchange exchange) {
        try {
            ProvisioningEvent event = EventReader.read(exchange.getMessage().getBody(String.class));
            exchange.setProperty(EVENT, event.describe());
            exchange.getMessage().setBody(event);
        } catch (InvalidEventException e) {
            exchange.setProperty(EVENT, e.event());
            throw e;
        }
    }

    private static Processor toUser(Function<ProvisioningEvent, ScimUser> mapping) {
        return exchange -> exchange.getMessage().setBody(mapping.apply(event(exchange)));
    }

    private static ProvisioningEvent event(Exchange exchange) {
        return exchange.getMessage().getBody(ProvisioningEvent.class);
    }

    private static String describe(Exchange exchange) {
        return exchange.getProperty(EVENT, String.class);
    }

    /** 1 for the first delivery, plus Camel's redeliveries. */
    private static int attempts(Exchange exchange) {
        return 1 + exchange.getProperty(REDELIVERIES, 0, Integer.class);
    }

    private static Throwable caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
