package dev.lucidscim.camel;

import java.util.List;

import dev.lucidscim.simulator.LucidScimSimulator;

/**
 * Every bearer token the tests of this module use, so that the scan of the whole run's log
 * ({@code RunLogHoldsNoTokenIT}) knows what to look for. A test that needs a new token adds it here.
 */
public final class TestTokens {

    /** The component's token in the WireMock tests. Distinctive, so that tests can scan output for it. */
    public static final String COMPONENT = "tok-7Hq2Zr9XkLmP4sVt";
    /** A token written into an endpoint URI. */
    public static final String IN_URI = "uri-tok-Q8wE3rT6yU1i";
    /** A token Lucid no longer accepts. */
    public static final String REVOKED = "tok-REVOKED-9f2";
    /** A simulator's token when a test chooses its own. */
    public static final String SIMULATOR_CUSTOM = "the-right-token";
    /** Letters and digits only, so that Jackson quotes it whole as one unrecognised word. */
    public static final String ALPHANUMERIC = "AlnumTok7Hq2Zr9XkLmP4sVtQ";
    /** The simulator's content-access token, whose groups are teams. */
    public static final String CONTENT_ACCESS = "content-tok-5Rk8Wm2NpYx";
    /** Only ever handed to {@code BearerToken} directly. */
    public static final String UNIT = "s3cr3t-token";

    public static final List<String> ALL = List.of(COMPONENT, IN_URI, REVOKED, ALPHANUMERIC, SIMULATOR_CUSTOM, UNIT,
            CONTENT_ACCESS, LucidScimSimulator.DEFAULT_TOKEN);

    private TestTokens() {
    }
}
