package dev.lucidscim.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Refuses to send anything while the JVM runs with a debug switch that would print the bearer token, or that turns
 * off hostname verification (which SECURITY.md promises is always on). The JDK reads these properties once, so a
 * connection made under one would leak for the life of the JVM; refusing at start is the only safe answer. The
 * switches, each with what it does:
 * <ul>
 * <li>{@code jdk.httpclient.HttpClient.log} with {@code headers} or {@code all}: every request header is logged;</li>
 * <li>{@code jdk.internal.httpclient.hpack.log.level} other than {@code NONE}: HTTP/2 header compression logs
 * every header it encodes;</li>
 * <li>{@code javax.net.debug} with {@code plaintext} or {@code all}: TLS records are dumped decrypted;</li>
 * <li>{@code jdk.internal.httpclient.disableHostnameVerification} (empty or true): any certificate is taken for
 * Lucid's, so a man in the middle receives the token.</li>
 * </ul>
 */
final class UnsafeJvmSwitches {

    static final String HTTP_CLIENT_LOG = "jdk.httpclient.HttpClient.log";
    static final String HPACK_LOG = "jdk.internal.httpclient.hpack.log.level";
    static final String TLS_DEBUG = "javax.net.debug";
    static final String NO_HOSTNAME_VERIFICATION = "jdk.internal.httpclient.disableHostnameVerification";

    private record Switch(String property, Predicate<String> unsafe, String consequence, String remedy) {
    }

    private static final List<Switch> SWITCHES = List.of(
            new Switch(HTTP_CLIENT_LOG, levels -> anyWord(levels, "headers", "all"),
                    "makes the JDK HTTP client log every request header, the bearer token included",
                    "Remove 'headers' and 'all' from it (errors, requests, ssl, content, frames and trace are safe)"),
            new Switch(HPACK_LOG, level -> !level.strip().equalsIgnoreCase("NONE"),
                    "makes the JDK's HTTP/2 header compression log every header, the bearer token included",
                    "Remove it, or set it to NONE"),
            new Switch(TLS_DEBUG, options -> anyWord(options, "plaintext", "all"),
                    "makes the JDK dump TLS records decrypted, the bearer token and request bodies included",
                    "Remove 'plaintext' and 'all' from it ('ssl:handshake' is safe)"),
            new Switch(NO_HOSTNAME_VERIFICATION, value -> value.isBlank() || Boolean.parseBoolean(value.strip()),
                    "turns off hostname verification, so that any certificate passes for Lucid's and a man in the "
                    + "middle receives the bearer token",
                    "Remove it"));

    private UnsafeJvmSwitches() {
    }

    static void check() {
        for (Switch jvmSwitch : SWITCHES) {
            String value = System.getProperty(jvmSwitch.property());
            if (value != null && jvmSwitch.unsafe().test(value)) {
                throw new IllegalStateException("The JVM runs with -D" + jvmSwitch.property() + "=" + value
                                                + ", which " + jvmSwitch.consequence() + ". "
                                                + jvmSwitch.remedy() + " to use lucid-scim");
            }
        }
    }

    /** Whether the list (words separated by commas, colons or blanks) holds one of the words, in any case. */
    private static boolean anyWord(String list, String... words) {
        return Arrays.stream(list.split("[,:\\s]+")).map(word -> word.toLowerCase(Locale.ROOT))
                .anyMatch(word -> Arrays.asList(words).contains(word));
    }
}
