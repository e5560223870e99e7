package dev.lucidscim.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class, emptied before each test, and a client that talks to it. A class that needs other
 * settings hides {@link #startSimulator()} with a static method of the same name that calls
 * {@link #startSimulator(LucidScimSimulator.Builder)}: JUnit runs only the hiding one.
 */
abstract class SimulatorTestSupport {

    protected static LucidScimSimulator simulator;
    protected static ScimClient scim;

    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder());
    }

    protected static void startSimulator(LucidScimSimulator.Builder settings) {
        simulator = settings.build().start();
        scim = ScimClient.of(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void emptySimulator() {
        simulator.reset();
    }
}
