package dev.lucidscim.camel.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lucidscim.camel.LucidScimComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.StringHelper;

/**
 * Sets Spring-bound options on the component through its generated configurer, strictly: an option the component
 * cannot take fails the start, naming the property but never the value (it may be the token). The configurer is
 * called directly rather than through Camel's property binding, which would read values again as Camel placeholders
 * ({@code {{...}}}): Spring has already resolved them, and a token may contain braces.
 */
final class LucidScimOptionBinder {

    private static final String PREFIX = "camel.component.lucid-scim.";

    private LucidScimOptionBinder() {
    }

    static void bind(CamelContext camelContext, LucidScimComponent component, Map<String, Object> options) {
        // the component's configurer is ready once it is initialised
        ServiceHelper.initService(component);
        PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
        // a whole configuration first: it replaces the one the other options are set on
        Map<String, Object> ordered = new LinkedHashMap<>();
        if (options.containsKey("configuration")) {
            ordered.put("configuration", options.get("configuration"));
        }
        ordered.putAll(options);
        ordered.forEach((name, value) -> {
            boolean set;
            try {
                set = configurer.configure(camelContext, component, name, value, true);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(failure(name) + " (" + e.getClass().getSimpleName() + ")");
            }
            if (!set) {
                throw new IllegalArgumentException(failure(name) + ": the component has no such option");
            }
        });
    }

    private static String failure(String name) {
        return "Cannot set " + PREFIX + StringHelper.camelCaseToDash(name) + " on the lucid-scim component";
    }
}
