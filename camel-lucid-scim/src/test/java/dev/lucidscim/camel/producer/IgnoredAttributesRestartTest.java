package dev.lucidscim.camel.producer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.model.LucidLicensing;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.lucidscim.camel.producer.IgnoredAttributesRouteTest.LUCIDCHART;
import static dev.lucidscim.camel.producer.IgnoredAttributesRouteTest.licensed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attributes a tenant does not keep outlive a restart when the endpoint has a state repository (a file here),
 * and are then forgotten with the component when it has none.
 */
class IgnoredAttributesRestartTest {

    @TempDir
    Path folder;
    private LucidScimSimulator lucid;

    @BeforeEach
    void start() {
        lucid = LucidScimSimulator.builder().orgGroupLicensing().build().start();
        lucid.seedUser(ScimJson.toJson(licensed("jane", "Engineer").toBuilder().lucidV2(null).build()));
    }

    @AfterEach
    void stop() {
        lucid.stop();
    }

    /** A fresh context and component, as after a restart: a new repository object reading the same file. */
    private CamelContext startContext(String options) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(
                folder.resolve("lucid-state.dat").toFile()));
        context.addComponent("lucid-scim", SimulatedLucid.component(lucid));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hr").to("lucid-scim:users?operation=upsert" + options);
            }
        });
        context.start();
        return context;
    }

    /** Two licences that the account ignores, so that the state holds two entries. */
    private static ScimUser jane() {
        return licensed("jane", "Engineer").toBuilder()
                .lucidV2(LucidLicensing.of(Map.of("Lucidchart", true, "Lucidspark", true))).build();
    }

    private Exchange upsertJane(String options) throws Exception {
        CamelContext context = startContext(options);
        try {
            Exchange exchange = context.createProducerTemplate().request("direct:hr",
                    e -> e.getMessage().setBody(jane()));
            assertThat(exchange.getException()).isNull();
            return exchange;
        } finally {
            context.stop();
        }
    }

    @Test
    void withAStateRepositoryTheNextContextWritesNothing() throws Exception {
        upsertJane("&stateRepository=#state");
        lucid.requests().clear();

        Exchange afterRestart = upsertJane("&stateRepository=#state");

        assertThat(lucid.requests().count("PATCH", "/Users")).isZero();
        assertThat(afterRestart.getMessage().getHeader(LucidScimConstants.IGNORED_ATTRIBUTES, List.class))
                .containsExactlyInAnyOrder(LUCIDCHART, ScimSchemas.LUCID_USER_V2 + ":productLicenses.Lucidspark");
    }

    @Test
    void withoutOneTheMemoryEndsWithTheComponent() throws Exception {
        upsertJane("");
        lucid.requests().clear();

        upsertJane("");

        assertThat(lucid.requests().count("PATCH", "/Users")).as("found again by a write").isEqualTo(1);
    }
}
