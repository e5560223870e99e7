package dev.lucidscim.camel.dialect;

/** The scenarios against the simulator as Lucid, with the endpoints' default dialect written out. */
class LucidDialectTest extends DialectScenarios {

    @Override
    String dialect() {
        return "lucid";
    }
}
