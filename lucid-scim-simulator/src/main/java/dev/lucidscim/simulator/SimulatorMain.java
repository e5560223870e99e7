package dev.lucidscim.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;


/**
 * Runs the simulator on its own until stopped:
 *
 * <pre>
 * java -jar lucid-scim-simulator.jar [--port 8080] [--host 127.0.0.1] [--public-url URL] [--token TOKEN]
 *                                    [--seed seed.json] [--max-page-size 100] [--forbidden-for-unknown-users]
 *                                    [--request-log 10000] [--request-log-body 4096] [--max-body-size 1048576]
 *                                    [--max-filter-length 2048] [--client-timeout 10] [--threads 64]
 *                                    [--latency-ms 150 [--jitter-ms 50] [--latency-seed 0]]
 *                                    [--rate-limit 25 [--burst 25]] [--filtered-result-cap 10000]
 *                                    [--max-members-per-request 100 [--too-many-members-status 413]]
 *                                    [--dialect lucid|standard] [--content-access-token TOKEN]
 *                                    [--org-group-licensing] [--group-licenses NAME=PRODUCT,PRODUCT ...]
 * </pre>
 *
 * Standalone, the request log keeps the latest 10,000 requests and 4 KiB of each body, so that a long run does not
 * fill the heap. On exit (Ctrl-C, SIGTERM) it prints {@code served N requests: G GET, W writes, R answered 429}, every
 * request counted.
 *
 * A seed file is described by {@link SeedFile}.
 */
public final class SimulatorMain {

    static final String HELP = """
            Options:
              --port N                  the port (8080; 0 picks a free one)
              --host ADDRESS            the address to bind (127.0.0.1: only widen it on a network you trust)
              --public-url URL          the base URL clients use, for Location and meta.location
                                        (http://HOST:PORT/scim/v2)
              --token TOKEN             the bearer token (a random one, printed)
              --seed FILE               a seed file of users and groups
              --max-page-size N         the most resources a page holds (100)
              --forbidden-for-unknown-users  403 instead of 404 for unknown users
              --request-log N           the latest requests kept in memory (10000)
              --request-log-body BYTES  the bytes of each body kept in the request log (4096)
              --max-body-size BYTES     the largest request body read; larger ones get 413 (1048576)
              --max-filter-length N     the longest filter parsed; longer ones get 400 (2048)
              --client-timeout SECONDS  the time a client has to send a request, and to take its answer (10)
              --threads N               the requests served at once (64); with a latency, at most
                                        threads / latency answers per second
              --latency-ms MS           the time every answer takes (0)
              --jitter-ms MS            plus or minus this much, drawn uniformly; at most the latency (0)
              --latency-seed N          the seed of the jitter's draws (0)
              --rate-limit R            requests per second the token may send (none): over it, 429 with
                                        Retry-After, and each request sent meanwhile extends the wait
              --burst N                 the requests the token may send at once (one second's worth)
              --filtered-result-cap N   the most results a filtered search reaches (10000)
              --max-members-per-request N  the most member values a request to /Groups may carry
                                        (none): over it, 413
              --too-many-members-status S  the answer over that limit: 413, or 400 with scimType tooMany
              --dialect D               lucid (the default), or standard: a strict RFC 7643/7644 server where
                                        Lucid differs (schemas required, an unfiltered remove clears the
                                        attribute, deactivated users listed, no Location header)
              --content-access-token TOKEN  a second token, whose /Groups are teams (users only,
                                        DELETE archives, a POST of an archived name restores it)
              --org-group-licensing     licence writes are accepted and ignored: licences follow
                                        organizational group membership
              --group-licenses NAME=PRODUCT,PRODUCT  the products the group named grants (repeatable;
                                        turns --org-group-licensing on), e.g. Engineering=Lucidchart""";

    private SimulatorMain() {
    }

    /** What the command line asks for: the simulator's settings, the token (null: make one up) and a seed file. */
    record Options(LucidScimSimulator.Builder settings, String token, Path seed) {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(HELP);
            return;
        }
        Options options = parse(args);
        String token = options.token();
        boolean generated = token == null;
        if (generated) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            token = HexFormat.of().formatHex(random);
        }
        LucidScimSimulator simulator = options.settings().token(token).build().start();
        if (options.seed() != null) {
            seed(simulator, options.seed());
        }
        System.out.println("Lucid SCIM simulator listening at " + simulator.baseUrl() + " with "
                           + simulator.userCount() + " user(s) and " + simulator.groupCount() + " group(s)");
        // A token the simulator made up is printed so that it can be used; a given one is not repeated.
        System.out.println(generated ? "Bearer token: " + token : "Bearer token: the one given with --token");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(simulator, System.out);
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Stops the simulator and says what it served, for scripts that count a run's requests. */
    static void stop(LucidScimSimulator simulator, PrintStream out) {
        simulator.stop();
        out.println(simulator.requests().totals().summary());
    }

    /** Reads the command line; standalone defaults differ from embedded ones where a long run needs it. */
    static Options parse(String[] args) {
        LucidScimSimulator.Builder settings = LucidScimSimulator.builder().port(8080).requestLogCapacity(10_000)
                .requestLogBodyLimit(4096);
        String token = null;
        Path seed = null;
        int latencyMillis = 0;
        int jitterMillis = 0;
        Double requestsPerSecond = null;
        Integer burst = null;
        Integer maxMembers = null;
        Integer tooManyMembersStatus = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> settings.port(number(args, ++i));
                case "--host" -> settings.host(value(args, ++i));
                case "--public-url" -> settings.publicBaseUrl(value(args, ++i));
                case "--token" -> token = value(args, ++i);
                case "--seed" -> seed = Path.of(value(args, ++i));
                case "--max-page-size" -> settings.maxPageSize(number(args, ++i));
                case "--forbidden-for-unknown-users" -> settings.forbiddenForUnknownUsers(true);
                case "--request-log" -> settings.requestLogCapacity(number(args, ++i));
                case "--request-log-body" -> settings.requestLogBodyLimit(number(args, ++i));
                case "--max-body-size" -> settings.maxRequestBodySize(number(args, ++i));
                case "--max-filter-length" -> settings.maxFilterLength(number(args, ++i));
                case "--client-timeout" -> settings.clientTimeout(Duration.ofSeconds(number(args, ++i)));
                case "--threads" -> settings.threads(number(args, ++i));
                case "--latency-ms" -> latencyMillis = number(args, ++i);
                case "--jitter-ms" -> jitterMillis = number(args, ++i);
                case "--latency-seed" -> settings.latencySeed(number(args, ++i));
                case "--rate-limit" -> requestsPerSecond = decimal(args, ++i);
                case "--burst" -> burst = number(args, ++i);
                case "--filtered-result-cap" -> settings.filteredResultCap(number(args, ++i));
                case "--max-members-per-request" -> maxMembers = number(args, ++i);
                case "--too-many-members-status" -> tooManyMembersStatus = number(args, ++i);
                case "--dialect" -> settings.dialect(dialect(args, ++i));
                case "--content-access-token" -> settings.contentAccessToken(value(args, ++i));
                case "--org-group-licensing" -> settings.orgGroupLicensing();
                case "--group-licenses" -> groupLicenses(settings, args, ++i);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (try --help)");
            }
        }
        settings.latency(Duration.ofMillis(latencyMillis), Duration.ofMillis(jitterMillis));
        if (requestsPerSecond != null) {
            // Without --burst, one second's worth of requests may come at once.
            settings.rateLimit(requestsPerSecond, burst != null ? burst : (int) Math.ceil(requestsPerSecond));
        } else if (burst != null) {
            throw new IllegalArgumentException("--burst needs --rate-limit");
        }
        if (maxMembers != null) {
            settings.maxMembersPerRequest(maxMembers, tooManyMembersStatus != null ? tooManyMembersStatus
                    : MemberValueLimit.PAYLOAD_TOO_LARGE);
        } else if (tooManyMembersStatus != null) {
            throw new IllegalArgumentException("--too-many-members-status needs --max-members-per-request");
        }
        return new Options(settings, token, seed);
    }

    /** Loads a {@link SeedFile} into the simulator. */
    public static void seed(LucidScimSimulator simulator, Path file) throws IOException {
        SeedFile.load(simulator, file);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    /** {@code NAME=PRODUCT,PRODUCT}: the group grants those products. */
    private static void groupLicenses(LucidScimSimulator.Builder settings, String[] args, int index) {
        String value = value(args, index);
        int equals = value.lastIndexOf('=');
        if (equals <= 0 || equals == value.length() - 1) {
            throw new IllegalArgumentException("--group-licenses needs GROUP=PRODUCT[,PRODUCT...], such as "
                                               + "Engineering=Lucidchart,Lucidspark, not " + value);
        }
        Map<String, Boolean> granted = new LinkedHashMap<>();
        for (String product : value.substring(equals + 1).split(",")) {
            granted.put(product.strip(), true);
        }
        settings.groupLicenses(value.substring(0, equals), granted);
    }

    private static SimulatorDialect dialect(String[] args, int index) {
        String value = value(args, index);
        try {
            return SimulatorDialect.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dialect needs lucid or standard, not " + value, e);
        }
    }

    private static double decimal(String[] args, int index) {
        return parsed(args, index, Double::parseDouble, "a number");
    }

    private static int number(String[] args, int index) {
        return parsed(args, index, Integer::parseInt, "a whole number");
    }

    private static <T> T parsed(String[] args, int index, Function<String, T> parser, String what) {
        String value = value(args, index);
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[index - 1] + " needs " + what + ", not " + value, e);
        }
    }
}
