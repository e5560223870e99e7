package dev.lucidscim.client;

import java.util.Arrays;
import java.util.Locale;

/**
 * Refuses to send anything when the JVM tells the JDK HTTP client to log headers: it would write the
 * {@code Authorization} header, the bearer token, to the log. The JDK reads the property once, so a connection made
 * under it would leak for the life of the JVM; refusing at start is the only safe answer.
 */
final class HeaderLoggingGuard {

    static final String PROPERTY = "jdk.httpclient.HttpClient.log";

    private HeaderLoggingGuard() {
    }

    static void check() {
        String levels = System.getProperty(PROPERTY);
        if (levels == null) {
            return;
        }
        boolean logsHeaders = Arrays.stream(levels.split(",")).map(level -> level.strip().toLowerCase(Locale.ROOT))
                .anyMatch(level -> level.equals("headers") || level.equals("all"));
        if (logsHeaders) {
            throw new IllegalStateException("The JVM runs with -D" + PROPERTY + "=" + levels + ", which makes the JDK "
                                            + "HTTP client log every request header, the bearer token included. "
                                            + "Remove 'headers' and 'all' from it (errors, requests, ssl, content, "
                                            + "frames and trace are safe) to use lucid-scim");
        }
    }
}
