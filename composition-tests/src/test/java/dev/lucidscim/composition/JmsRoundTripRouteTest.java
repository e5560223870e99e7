package dev.lucidscim.composition;

import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.RecordedRequest;
import jakarta.jms.BytesMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People through a JMS queue (an embedded Artemis) into Lucid: a typed {@link ScimUser} sent as it is travels as its
 * SCIM JSON (camel-jms makes a {@code BytesMessage} of it through the component's type converters), password left
 * out as in every converted form; one marshalled with camel-jackson first travels whole, password included. Either way the consumer hands the message's body to upsert as it arrives.
 */
class JmsRoundTripRouteTest extends LucidCompositionTestSupport {

    private static EmbeddedArtemis broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedArtemis.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("jms", JmsComponent.jmsComponent(broker.connectionFactory()));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:typed").to("jms:queue:lucid.people");
                from("direct:marshalled").marshal().json().to("jms:queue:lucid.people");

                from("jms:queue:lucid.people")
                        .to("mock:received")
                        .to("lucid-scim:users?operation=upsert")
                        .to("mock:provisioned");
            }
        };
    }

    @Test
    void aTypedUserTravelsAsScimJsonWithoutItsPassword() throws Exception {
        MockEndpoint provisioned = getMockEndpoint("mock:provisioned");
        provisioned.expectedMessageCount(1);

        template.sendBody("direct:typed", person("ada@example.com", "Analyst").toBuilder().password(PASSWORD)
                .build());

        provisioned.assertIsSatisfied();
        Exchange received = getMockEndpoint("mock:received").getReceivedExchanges().get(0);
        assertThat(received.getMessage(JmsMessage.class).getJmsMessage()).isInstanceOf(BytesMessage.class);
        assertThat(received.getMessage().getBody(String.class)).contains("\"userName\":\"ada@example.com\"")
                .doesNotContain(PASSWORD);
        assertProvisioned(provisioned, "ada@example.com");
        assertThat(create().body()).doesNotContain(PASSWORD);
    }

    @Test
    void aMarshalledUserTravelsWholePasswordIncluded() throws Exception {
        MockEndpoint provisioned = getMockEndpoint("mock:provisioned");
        provisioned.expectedMessageCount(1);

        template.sendBody("direct:marshalled", person("alan@example.com", "Engineer").toBuilder()
                .password(PASSWORD).build());

        provisioned.assertIsSatisfied();
        assertProvisioned(provisioned, "alan@example.com");
        assertThat(create().body()).contains(PASSWORD);
    }

    private static void assertProvisioned(MockEndpoint provisioned, String userName) {
        ScimUser answer = provisioned.getReceivedExchanges().get(0).getMessage().getBody(ScimUser.class);
        assertThat(answer.id()).isEqualTo(lucidUser(userName).path("id").asText());
        assertThat(lucidUser(userName).path("title").asText()).isNotEmpty();
        assertThat(lucid.userCount()).isEqualTo(1);
    }

    private static RecordedRequest create() {
        return lucid.requests().matching(request -> request.method().equals("POST")).get(0);
    }
}
