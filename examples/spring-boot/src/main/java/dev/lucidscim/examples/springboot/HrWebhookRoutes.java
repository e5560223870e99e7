package dev.lucidscim.examples.springboot;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimNotFoundException;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.util.ObjectHelper;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/hr-events}: one joiner, mover or leaver event as JSON. Valid events are provisioned at once and
 * answered with what Lucid did; joiners and movers are upserted (only what differs is written), leavers deactivated.
 * The answer's status tells the HR system what to do next: 200 done (a repeated event is answered {@code unchanged}),
 * 400 fix the event, 404 or 409 resolve it in Lucid (the user vanished meanwhile, the address belongs to another
 * account), 502 Lucid failed (retry later: upsert and deactivate are safe to repeat).
 */
@Component
public class HrWebhookRoutes extends RouteBuilder {

    /** Exchange property: the event as {@link HrEvent#describe()} puts it, for answers and logs. */
    private static final String EVENT = "hrEvent";

    private final HrEventValidator validator;

    public HrWebhookRoutes(HrEventValidator validator) {
        this.validator = validator;
    }

    @Override
    public void configure() {
        restConfiguration().bindingMode(RestBindingMode.json).skipBindingOnErrorCode(false);

        onException(InvalidHrEventException.class).handled(true)
                .process(exchange -> refuse(exchange, 400, null, caught(exchange, InvalidHrEventException.class)
                        .problems()));
        onException(JsonProcessingException.class).handled(true)
                .process(exchange -> refuse(exchange, 400, null, List.of("the body is not a JSON event: "
                        + caught(exchange, JsonProcessingException.class).getOriginalMessage())));
        onException(ScimException.class).handled(true)
                .process(exchange -> {
                    ScimException failure = caught(exchange, ScimException.class);
                    refuse(exchange, statusFor(failure), failure.getStatus() == 0 ? null : failure.getStatus(),
                            List.of(failure.getMessage()));
                });

        rest("/api").post("/hr-events").consumes("application/json").produces("application/json")
                .type(HrEvent.class).outType(ProvisioningAnswer.class)
                .to("direct:hr-event");

        from("direct:hr-event").routeId("hr-event")
                .process(HrWebhookRoutes::rememberEvent)
                .process(validator)
                .choice()
                    .when(exchange -> event(exchange).isLeaver())
                        .process(exchange -> exchange.getMessage().setBody(HrEventUserMapper.toLeaver(event(exchange))))
                        .to("lucid-scim:users?operation=deactivate")
                    .otherwise()
                        .process(exchange -> exchange.getMessage().setBody(HrEventUserMapper.toUser(event(exchange))))
                        .to("lucid-scim:users?operation=upsert")
                .end()
                .log("${exchangeProperty." + EVENT + "}: ${header." + LucidScimConstants.OUTCOME + "}")
                .process(exchange -> exchange.getMessage().setBody(ProvisioningAnswer.provisioned(
                        exchange.getProperty(EVENT, String.class),
                        exchange.getMessage().getHeader(LucidScimConstants.OUTCOME, String.class),
                        lucidId(exchange))));
    }

    /** The event's description for the answer, valid or not; an empty body has none. */
    private static void rememberEvent(Exchange exchange) {
        HrEvent event = event(exchange);
        if (event != null) {
            exchange.setProperty(EVENT, event.describe());
        }
    }

    /** A leaver Lucid does not list (unknown, or deactivated already) is unchanged, and there is no user to name. */
    private static String lucidId(Exchange exchange) {
        return exchange.getMessage().getBody() instanceof ScimUser user ? user.id() : null;
    }

    /** 400 for what the caller must fix, 404 and 409 for what must be resolved in Lucid, 502 for Lucid's failures. */
    private static int statusFor(ScimException failure) {
        if (failure instanceof ScimValidationException) {
            return 400;
        }
        if (failure instanceof ScimNotFoundException) {
            return 404;
        }
        if (failure instanceof ScimConflictException) {
            return 409;
        }
        return 502;
    }

    private static void refuse(Exchange exchange, int status, Integer lucidStatus, List<String> problems) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody(ProvisioningAnswer.refused(exchange.getProperty(EVENT, String.class),
                lucidStatus, problems));
    }

    private static HrEvent event(Exchange exchange) {
        return exchange.getMessage().getBody(HrEvent.class);
    }

    /** The failure of the given type, also when Camel wrapped it (a JSON error inside a type conversion). */
    private static <T extends Throwable> T caught(Exchange exchange, Class<T> type) {
        return ObjectHelper.getException(type, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }
}
