package dev.lucidscim.camel;

import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Camel context whose lucid-scim component talks to one simulator (default settings) per test class, emptied
 * before each test. Tests that need other simulator settings start their own.
 */
public abstract class SimulatedLucidTestSupport extends CamelTestSupport {

    protected static LucidScimSimulator lucid;

    @BeforeAll
    static void startLucid() {
        lucid = LucidScimSimulator.builder().build().start();
    }

    @AfterAll
    static void stopLucid() {
        lucid.stop();
    }

    @BeforeEach
    void emptyLucid() {
        lucid.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("lucid-scim", SimulatedLucid.component(lucid));
        return context;
    }
}
