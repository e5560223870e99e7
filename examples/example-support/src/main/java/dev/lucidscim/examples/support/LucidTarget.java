package dev.lucidscim.examples.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.error.OneLine;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.SeedFile;
import org.apache.camel.main.Main;

/**
 * Where an example provisions to: the Lucid tenant named by the environment ({@code LUCID_SCIM_TOKEN}, and
 * {@code LUCID_SCIM_URL} for a tenant other than {@code https://users.lucid.app/scim/v2}), or, when no token is set,
 * an embedded Lucid simulator on a free loopback port, seeded with the example's starting directory. Requests to a
 * tenant are paced at {@value #RATE_VARIABLE} per second ({@link #TENANT_REQUESTS_PER_SECOND} when unset; 0: no
 * limit); the embedded simulator has no limit, so none applies to it unless {@value #RATE_VARIABLE} sets one.
 */
public final class LucidTarget implements AutoCloseable {

    public static final String TOKEN_VARIABLE = "LUCID_SCIM_TOKEN";
    public static final String URL_VARIABLE = "LUCID_SCIM_URL";
    public static final String RATE_VARIABLE = "LUCID_SCIM_RATE";
    /**
     * The requests per second sent to a real tenant unless {@value #RATE_VARIABLE} says otherwise: Lucid publishes no
     * SCIM limit, and 25 is what Microsoft requires every SCIM app of its gallery (Lucid's among them) to sustain.
     * Paced at the tenant's rate, a reconcile runs within 4% of its physical minimum; unpaced, it meets 429s whose
     * {@code Retry-After} holds every writer (benchmarks/README.md, "Latest figures against the Lucid-like tenant").
     */
    public static final double TENANT_REQUESTS_PER_SECOND = 25;
    private static final String LUCID_URL = "https://users.lucid.app/scim/v2";
    private static final String SIMULATOR_TOKEN_PROPERTY = "lucid.scim.simulator.token";

    private final String tenantUrl;
    private final String bearerToken;
    private final LucidScimSimulator simulator;

    private LucidTarget(String tenantUrl, String bearerToken, LucidScimSimulator simulator) {
        this.tenantUrl = tenantUrl;
        this.bearerToken = bearerToken;
        this.simulator = simulator;
    }

    /**
     * @param seedResource a classpath {@link SeedFile} for the simulator, or null to start it empty
     */
    public static LucidTarget fromEnvironment(String seedResource) {
        String token = System.getenv(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            String url = System.getenv(URL_VARIABLE);
            return new LucidTarget(url == null || url.isBlank() ? LUCID_URL : url.strip(), token.strip(), null);
        }
        return simulated(seedResource);
    }

    /** An embedded simulator, whatever the environment says: for tests. */
    public static LucidTarget simulated(String seedResource) {
        return simulated(LucidScimSimulator.builder(), seedResource);
    }

    /** An embedded simulator with these settings (an account that licenses through org groups, say): for tests. */
    public static LucidTarget simulated(LucidScimSimulator.Builder settings, String seedResource) {
        LucidScimSimulator simulator = settings.build().start();
        try {
            if (seedResource != null) {
                seed(simulator, seedResource);
            }
            return new LucidTarget(simulator.baseUrl(), simulator.token(), simulator);
        } catch (RuntimeException e) {
            simulator.stop();
            throw e;
        }
    }

    private static void seed(LucidScimSimulator simulator, String seedResource) {
        try (InputStream seed = LucidTarget.class.getResourceAsStream(seedResource)) {
            if (seed == null) {
                throw new IllegalArgumentException("No seed file " + seedResource + " on the classpath");
            }
            SeedFile.load(simulator, new ObjectMapper().readTree(seed));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seed file " + seedResource, e);
        }
    }

    /**
     * Points the application's lucid-scim component at this target. The token goes in as a placeholder, so that it
     * is resolved only by the component and never stored among Camel's properties in clear text.
     */
    public void configure(Main main) {
        main.addInitialProperty("camel.component.lucid-scim.tenant-url", tenantUrl);
        if (isSimulated()) {
            // One property per simulator, so that simulators of parallel tests in one JVM do not race.
            String property = SIMULATOR_TOKEN_PROPERTY + "." + simulator.port();
            System.setProperty(property, bearerToken);
            main.addInitialProperty("camel.component.lucid-scim.bearer-token", "{{sys:" + property + "}}");
        } else {
            main.addInitialProperty("camel.component.lucid-scim.bearer-token", "{{env:" + TOKEN_VARIABLE + "}}");
        }
        double rate = requestsPerSecond();
        if (rate > 0) {
            main.addInitialProperty("camel.component.lucid-scim.configuration.requests-per-second",
                    String.valueOf(rate));
        }
    }

    /** The client-side rate for this target: {@value #RATE_VARIABLE}, else the tenant default or none. */
    public double requestsPerSecond() {
        return requestsPerSecond(System.getenv(RATE_VARIABLE), isSimulated());
    }

    static double requestsPerSecond(String configured, boolean simulated) {
        if (configured == null || configured.isBlank()) {
            return simulated ? 0 : TENANT_REQUESTS_PER_SECOND;
        }
        try {
            double rate = Double.parseDouble(configured.strip());
            if (rate >= 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // the message below says what to set
        }
        throw new IllegalArgumentException(RATE_VARIABLE + " must be a number of requests per second, 0 or more "
                                           + "(0: no limit), not " + OneLine.quoted(configured));
    }

    public String tenantUrl() {
        return tenantUrl;
    }

    public String bearerToken() {
        return bearerToken;
    }

    /** The embedded simulator, when there is one. */
    public Optional<LucidScimSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    public boolean isSimulated() {
        return simulator != null;
    }

    /** For the console: which Lucid this run talks to (never the token). */
    public String describe() {
        return isSimulated() ? "the embedded Lucid simulator at " + tenantUrl + " (set " + TOKEN_VARIABLE
                               + " to use a real tenant)" : "the Lucid tenant at " + tenantUrl;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.stop();
        }
    }
}
