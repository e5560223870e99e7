package dev.lucidscim.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The component's version (filtered in at build time) and the {@code User-Agent} that names it. */
public final class ComponentVersion {

    public static final String VERSION = load();

    public static final String USER_AGENT
            = "camel-lucid-scim/" + VERSION + " (Java " + Runtime.version().feature() + ")";

    private ComponentVersion() {
    }

    private static String load() {
        try (InputStream in = ComponentVersion.class.getResourceAsStream("component-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
