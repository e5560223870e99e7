package dev.lucidscim.optiondocs;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;

/** A catalog cut down from the lucid-scim component's: a few options and headers of each kind. */
final class SampleCatalog {

    static final String RESOURCE = "catalog/sample.json";

    private SampleCatalog() {
    }

    static ComponentModel load() {
        try {
            return ComponentCatalog.load(RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The component option and the endpoint option of that name get the description. */
    static void describe(ComponentModel model, String option, String description) {
        model.getComponentOptions().stream().filter(o -> o.getName().equals(option))
                .forEach(o -> o.setDescription(description));
        model.getEndpointOptions().stream().filter(o -> o.getName().equals(option))
                .forEach(o -> o.setDescription(description));
    }

    static BaseOptionModel componentOption(ComponentModel model, String name) {
        return model.getComponentOptions().stream().filter(o -> o.getName().equals(name)).findFirst().orElseThrow();
    }
}
