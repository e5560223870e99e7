package dev.lucidscim.optiondocs;

import org.apache.camel.tooling.model.BaseOptionModel;

/** An option's catalog description as the generated docs show it, before what they add to it. */
final class Descriptions {

    private Descriptions() {
    }

    /** Ends with a full stop, which some of Camel's own descriptions lack; marked when deprecated. */
    static String of(BaseOptionModel option) {
        String text = option.getDescription().strip();
        if (!text.isEmpty() && ".!?".indexOf(text.charAt(text.length() - 1)) < 0) {
            text += ".";
        }
        return option.isDeprecated() ? "Deprecated. " + text : text;
    }
}
