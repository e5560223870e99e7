package dev.lucidscim.composition;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisioning with an audit trail: every upsert's outcome is wire-tapped to an audit route, which logs it with
 * {@code log("${body}")}; the main route logs the desired user before sending it. What the log EIP prints (captured
 * through Camel's {@code LogListener}, exactly the lines a person reads) is the user's SCIM JSON, and never the
 * password the desired user carries.
 */
class WireTapAuditRouteTest extends LucidCompositionTestSupport {

    private final List<String> logged = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getCamelContextExtension().addLogListener((exchange, logger, message) -> {
            logged.add(message);
            return message;
        });
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:provision")
                        .log("provisioning ${body}")
                        .to("lucid-scim:users?operation=upsert")
                        .wireTap("direct:audit");

                from("direct:audit")
                        .log("audit ${header." + LucidScimConstants.OUTCOME + "}: ${body}")
                        .to("mock:audit");
            }
        };
    }

    @Test
    void theAuditRouteReceivesEveryOutcomeAndTheLogShowsJsonWithoutThePassword() throws Exception {
        ScimUser joiner = person("ada@example.com", "Analyst").toBuilder().password(PASSWORD).build();
        MockEndpoint audit = getMockEndpoint("mock:audit");
        audit.expectedMessageCount(4);

        template.sendBody("direct:provision", joiner);
        template.sendBody("direct:provision", joiner);
        ScimUser promoted = joiner.toBuilder().title("Senior Analyst").build();
        template.sendBody("direct:provision", promoted);
        template.sendBody("direct:provision", promoted.toBuilder().active(false).build());

        audit.assertIsSatisfied();
        assertThat(audit.getReceivedExchanges()).extracting(tapped -> tapped.getMessage().getHeader(
                LucidScimConstants.OUTCOME)).containsExactlyInAnyOrder("created", "unchanged", "updated",
                "deactivated");
        assertThat(audit.getReceivedExchanges()).allSatisfy(tapped -> assertThat(tapped.getMessage()
                .getBody(ScimUser.class).id()).isEqualTo(lucidUser("ada@example.com").path("id").asText()));
        assertThat(lucidUser("ada@example.com").path("active").asBoolean()).isFalse();
        assertThat(lucidUser("ada@example.com").path("title").asText()).isEqualTo("Senior Analyst");

        assertThat(logged).hasSize(8).allSatisfy(line -> assertThat(line)
                .contains("\"userName\":\"ada@example.com\"").doesNotContain(PASSWORD).doesNotContain("password"));
        assertThat(logged).filteredOn(line -> line.startsWith("audit created: ")).singleElement().satisfies(line ->
                assertThat(line).contains("\"id\":\"" + lucidUser("ada@example.com").path("id").asText() + "\""));
        assertThat(lucid.requests().matching(request -> request.method().equals("POST")).get(0).body())
                .as("the password still reaches Lucid").contains(PASSWORD);
    }
}
