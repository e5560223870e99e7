package dev.lucidscim.camel;

import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Camel context whose lucid-scim component talks to one simulator (default settings) per test class, emptied
 * before each test. A class that needs other settings hides {@link #startLucid()} with a static method of the same
 * name that calls {@link #startLucid(LucidScimSimulator.Builder)} (JUnit runs only the hiding one); one whose seeded
 * directory must last from test to test overrides {@link #emptyLucid()} (annotated {@code @BeforeEach} again).
 */
public abstract class SimulatedLucidTestSupport extends CamelTestSupport {

    protected static LucidScimSimulator lucid;

    @BeforeAll
    static void startLucid() {
        startLucid(LucidScimSimulator.builder());
    }

    protected static void startLucid(LucidScimSimulator.Builder settings) {
        lucid = settings.build().start();
    }

    @AfterAll
    static void stopLucid() {
        lucid.stop();
    }

    @BeforeEach
    protected void emptyLucid() {
        lucid.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("lucid-scim", SimulatedLucid.component(lucid));
        return context;
    }
}
