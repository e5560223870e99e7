package dev.lucidscim.optiondocs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;

/**
 * A component's catalog JSON, as camel-package-maven-plugin's {@code generate-component} writes it from the
 * {@code @UriParam}, {@code @UriPath} and {@code @Metadata} annotations, read from the class path with Camel's own
 * model.
 */
final class ComponentCatalog {

    private ComponentCatalog() {
    }

    static ComponentModel load(String resource) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No component JSON " + resource + " on the class path: "
                                                + "camel-package-maven-plugin writes it at process-classes of the "
                                                + "component, which must be built first");
            }
            return JsonMapper.generateComponentModel(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
