package dev.lucidscim.camel.producer.plan;

import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.SimulatorDialect;
import org.junit.jupiter.api.BeforeAll;

/** The plan scenarios against a strict RFC 7643/7644 server, with {@code dialect=standard}. */
class LucidScimPlansStandardDialectTest extends LucidScimPlansTest {

    @BeforeAll
    static void startLucid() {
        startLucid(LucidScimSimulator.builder().dialect(SimulatorDialect.STANDARD));
    }

    @Override
    String dialect() {
        return "standard";
    }
}
