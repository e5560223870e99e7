package dev.lucidscim.composition;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel's variables around a lucid-scim call: the desired user goes in from one variable ({@code variableSend}),
 * Lucid's answer comes back into another ({@code variableReceive}), and the message keeps the event it came with, so
 * a route can answer the caller in terms of the caller's own event.
 */
class VariableReceiveRouteTest extends LucidCompositionTestSupport {

    private static final String EVENT = "{\"event\":\"joiner\",\"email\":\"ada@example.com\"}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hr-event")
                        .setVariable("desired", method(VariableReceiveRouteTest.class, "desiredUser"))
                        .toV("lucid-scim:users?operation=upsert", "desired", "lucid")
                        .to("mock:answered");
            }
        };
    }

    /** The HR event mapped to the user Lucid should hold (the mapping itself is not the point here). */
    public static ScimUser desiredUser(Exchange exchange) {
        return person("ada@example.com", "Analyst");
    }

    @Test
    void theBodyStaysTheEventAndLucidsAnswerIsInTheVariable() {
        Exchange answered = template.request("direct:hr-event", exchange -> exchange.getMessage().setBody(EVENT));

        assertThat(answered.getException()).isNull();
        assertThat(answered.getMessage().getBody()).isEqualTo(EVENT);
        ScimUser fromLucid = answered.getVariable("lucid", ScimUser.class);
        assertThat(fromLucid.id()).isEqualTo(lucidUser("ada@example.com").path("id").asText());
        assertThat(fromLucid.meta().created()).isNotNull();
        assertThat(answered.getVariables()).containsEntry("header:lucid." + LucidScimConstants.OUTCOME, "created");
        assertThat(answered.getMessage().getHeaders()).doesNotContainKey(LucidScimConstants.OUTCOME);
        assertThat(lucid.userCount()).isEqualTo(1);
    }
}
