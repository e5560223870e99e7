package dev.lucidscim.camel.consumer;

import java.nio.file.Path;
import java.util.List;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart continues from the committed state kept in a file: nothing is emitted again, nothing is missed. */
class LucidScimConsumerRestartTest {

    @TempDir
    Path folder;
    private LucidScimSimulator lucid;

    @BeforeEach
    void start() {
        lucid = LucidScimSimulator.builder().build().start();
    }

    @AfterEach
    void stop() {
        lucid.stop();
    }

    /** A fresh context, as after a restart: a new repository object reading the same file. */
    private CamelContext startContext() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(
                folder.resolve("lucid-state.dat").toFile()));
        LucidScimComponent component = SimulatedLucid.component(lucid);
        context.addComponent("lucid-scim", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("lucid-scim:users?startScheduler=false&stateRepository=#state").routeId("feed").to("mock:feed");
            }
        });
        context.start();
        return context;
    }

    private static List<Exchange> poll(CamelContext context) {
        MockEndpoint mock = context.getEndpoint("mock:feed", MockEndpoint.class);
        mock.reset();
        ((LucidScimConsumer) context.getRoute("feed").getConsumer()).run();
        return List.copyOf(mock.getReceivedExchanges());
    }

    private String seed(String userName) {
        return lucid.seedUser("{\"userName\":\"" + userName + "\",\"emails\":[{\"value\":\"" + userName + "\"}]}");
    }

    @Test
    void aRestartEmitsNothingWhenNothingChangedAndWhatChangedWhileDown() throws Exception {
        seed("a@example.com");
        String b = seed("b@example.com");
        CamelContext first = startContext();
        assertThat(poll(first)).hasSize(2);
        first.stop();

        CamelContext second = startContext();
        assertThat(poll(second)).as("nothing changed").isEmpty();
        second.stop();

        String c = seed("c@example.com");
        LucidScimConsumerTest.send("PATCH", "/Users/" + b, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                                                          + "PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                                                          + "\"path\":\"active\",\"value\":false}]}", lucid);
        CamelContext third = startContext();
        List<Exchange> changes = poll(third);
        assertThat(changes).extracting(e -> e.getMessage().getHeader(LucidScimConstants.RESOURCE_ID) + " "
                                            + e.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE))
                .containsExactlyInAnyOrder(c + " created", b + " removed");
        assertThat(poll(third)).isEmpty();
        third.stop();
    }
}
