package dev.lucidscim.camel.hardening;

import org.apache.camel.CamelContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting a Camel context of a test and stopping it whatever happens. */
final class Contexts {

    private Contexts() {
    }

    /** The context starts (its routes' endpoints accepted their settings); it is stopped afterwards. */
    static void assertStarts(CamelContext context) {
        try {
            context.start();
            assertThat(context.isStarted()).isTrue();
        } finally {
            context.stop();
        }
    }
}
