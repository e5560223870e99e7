package dev.lucidscim.composition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lucid's 409 for a name that belongs to another Lucid account, as Camel's error handling sees it: an
 * {@code onException(ScimConflictException.class)} that reads {@code getKind()} through the simple language, and a
 * dead letter channel whose message keeps the typed exception and whose file holds the user as JSON, no password.
 */
class ConflictErrorHandlingRouteTest extends LucidCompositionTestSupport {

    private static final String TAKEN = "taken@example.com";

    @TempDir
    Path deadLetters;

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new RouteBuilder() {
            @Override
            public void configure() {
                onException(ScimConflictException.class).handled(true)
                        .setHeader("conflictKind", simple("${exception.kind}"))
                        .to("mock:conflicts");

                from("direct:provision").to("lucid-scim:users?operation=upsert").to("mock:provisioned");
            }
        }, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:provision-or-dead-letter")
                        .errorHandler(deadLetterChannel("direct:dead-letters").useOriginalMessage())
                        .to("lucid-scim:users?operation=upsert");

                // the body is the original ScimUser: the file component writes it through the type converters
                from("direct:dead-letters")
                        .to("file:" + deadLetters + "?fileName=${exchangeId}.json")
                        .to("mock:dead-letters");
            }
        } };
    }

    @Test
    void onExceptionSeesTheTypedConflictAndItsKind() throws Exception {
        lucid.reserveForOtherAccount(TAKEN);
        MockEndpoint conflicts = getMockEndpoint("mock:conflicts");
        conflicts.expectedMessageCount(1);
        conflicts.expectedHeaderReceived("conflictKind", "EXISTS_IN_OTHER_ACCOUNT");
        getMockEndpoint("mock:provisioned").expectedMessageCount(1);

        template.sendBody("direct:provision", person("ada@example.com", "Analyst"));
        template.sendBody("direct:provision", person(TAKEN, "Analyst"));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(caught(conflicts.getReceivedExchanges().get(0)).getKind())
                .isEqualTo(ScimConflictException.Kind.EXISTS_IN_OTHER_ACCOUNT);
        assertThat(lucid.userByUserName("ada@example.com")).isPresent();
        assertThat(lucid.userByUserName(TAKEN)).isEmpty();
    }

    @Test
    void theDeadLetterKeepsTheTypedExceptionAndItsFileHoldsNoPassword() throws Exception {
        lucid.reserveForOtherAccount(TAKEN);
        MockEndpoint dead = getMockEndpoint("mock:dead-letters");
        dead.expectedMessageCount(1);
        ScimUser withPassword = person(TAKEN, "Analyst").toBuilder().password(PASSWORD).build();

        template.sendBody("direct:provision-or-dead-letter", withPassword);

        dead.assertIsSatisfied();
        Exchange letter = dead.getReceivedExchanges().get(0);
        assertThat(caught(letter).getKind()).isEqualTo(ScimConflictException.Kind.EXISTS_IN_OTHER_ACCOUNT);
        assertThat(letter.getMessage().getBody()).isEqualTo(withPassword);
        List<Path> files = Files.list(deadLetters).toList();
        assertThat(files).hasSize(1);
        String written = Files.readString(files.get(0));
        JsonNode user = JSON.readTree(written);
        assertThat(user.path("userName").asText()).isEqualTo(TAKEN);
        assertThat(written).doesNotContain(PASSWORD).doesNotContain("password");
        assertThat(lucid.requests().count("POST", "/Users")).as("a 409 is not retried").isEqualTo(1);
        assertThat(lucid.userByUserName(TAKEN)).isEmpty();
    }

    private static ScimConflictException caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ScimConflictException.class);
    }
}
