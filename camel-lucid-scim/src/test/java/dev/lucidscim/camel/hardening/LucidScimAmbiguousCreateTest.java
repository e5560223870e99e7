package dev.lucidscim.camel.hardening;

import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create whose answer is lost: the simulator commits it (or not) and closes the connection. The component looks the
 * user up, replays at most once, and reports what really happened: one user in Lucid, never two, and never a user
 * that was already there passed off as this create's result.
 */
class LucidScimAmbiguousCreateTest {

    private LucidScimSimulator lucid;
    private CamelContext context;

    @BeforeEach
    void start() {
        lucid = LucidScimSimulator.builder().build().start();
        context = new DefaultCamelContext();
        context.addComponent("lucid-scim", SimulatedLucid.component(lucid));
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        lucid.stop();
    }

    private static ScimUser jane() {
        return ScimUser.builder().userName("jane@example.com").email("jane@example.com").title("Engineer").build();
    }

    private Exchange send(String operation, ScimUser user) {
        return context.createProducerTemplate().request("lucid-scim:users?operation=" + operation,
                exchange -> exchange.getMessage().setBody(user));
    }

    private long postsCommitted() {
        return lucid.requests().matching(r -> r.method().equals("POST") && r.status() == 201).size();
    }

    @ParameterizedTest
    @ValueSource(strings = { "create", "upsert" })
    void committedThenDroppedIsFoundNotCreatedAgain(String operation) {
        lucid.faults().add(FaultRule.dropAfterCommit().onlyFor("POST", "/Users").next(1));

        Exchange result = send(operation, jane());

        assertThat(result.getException()).isNull();
        assertThat(lucid.users()).hasSize(1);
        assertThat(lucid.requests().count("POST", "/Users")).as("POSTs").isEqualTo(1);
        ScimUser created = result.getMessage().getBody(ScimUser.class);
        assertThat(created.id()).isEqualTo(lucid.userByUserName("jane@example.com").orElseThrow().path("id").asText());
        assertThat(result.getMessage().getHeader(LucidScimConstants.STATUS_CODE)).isEqualTo(201);
        if (operation.equals("upsert")) {
            assertThat(result.getMessage().getHeader(LucidScimConstants.OUTCOME)).isEqualTo("created");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "create", "upsert" })
    void droppedBeforeCommitIsSentOnceMore(String operation) {
        lucid.faults().add(FaultRule.dropConnection().onlyFor("POST", "/Users").next(1));

        Exchange result = send(operation, jane());

        assertThat(result.getException()).isNull();
        assertThat(lucid.users()).hasSize(1);
        assertThat(lucid.requests().count("POST", "/Users")).as("POSTs").isEqualTo(2);
        assertThat(postsCommitted()).isEqualTo(1);
        assertThat(result.getMessage().getBody(ScimUser.class).id()).isNotNull();
    }

    @Test
    void someoneElsesUserIsNotPassedOffAsCreated() {
        lucid.seedUser(Map.of("userName", "jane@example.com", "title", "Chief Executive",
                "emails", List.of(Map.of("value", "jane@example.com"))));
        lucid.faults().add(FaultRule.dropConnection().onlyFor("POST", "/Users").next(1));

        Exchange result = send("create", jane());

        assertThat(result.getException()).isInstanceOf(ScimConflictException.class)
                .hasMessageContaining("answer to the create was lost")
                .hasMessageContaining("jane@example.com").hasMessageContaining("other attributes");
        assertThat(((ScimConflictException) result.getException()).getKind())
                .isEqualTo(ScimConflictException.Kind.DUPLICATE_IN_ACCOUNT);
        assertThat(lucid.userByUserName("jane@example.com").orElseThrow().path("title").asText())
                .isEqualTo("Chief Executive");
        assertThat(postsCommitted()).isZero();
    }
}
