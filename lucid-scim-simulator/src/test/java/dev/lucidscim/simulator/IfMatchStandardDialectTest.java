package dev.lucidscim.simulator;

import org.junit.jupiter.api.BeforeAll;

/** {@link IfMatchTest} against the simulator as a strict RFC 7643/7644 server. */
class IfMatchStandardDialectTest extends IfMatchTest {

    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().dialect(SimulatorDialect.STANDARD));
    }
}
