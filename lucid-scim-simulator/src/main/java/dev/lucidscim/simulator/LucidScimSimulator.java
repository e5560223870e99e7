package dev.lucidscim.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;

/**
 * An offline Lucid: an in-memory SCIM 2.0 server that behaves like Lucid's ({@code /Users}, {@code /Groups},
 * {@code /ServiceProviderConfig}, {@code /Schemas}, Lucid's filter dialect and quirks), with fault injection and a
 * request log for tests and benchmarks.
 *
 * <pre>{@code
 * try (LucidScimSimulator lucid = LucidScimSimulator.builder().token("test-token").build().start()) {
 *     String id = lucid.seedUser("{\"userName\":\"jane@example.com\",\"emails\":[{\"value\":\"jane@example.com\"}]}");
 *     // point the component at lucid.baseUrl() with bearerToken=test-token
 * }
 * }</pre>
 */
public final class LucidScimSimulator implements AutoCloseable {

    public static final String DEFAULT_BASE_PATH = "/scim/v2";
    /** The most results a filtered search reaches at Lucid. */
    public static final int LUCID_FILTERED_RESULT_CAP = 10_000;
    /** The token clients must send unless the builder sets another. */
    public static final String DEFAULT_TOKEN = "simulator-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK HttpServer writes headers and body apart; with Nagle on, the body waits ~40 ms for a delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder settings;
    private final Directory directory;
    private final Faults faults = new Faults();
    private final RequestLog requestLog;
    /** The admin-management token's first, then the content-access token's when there is one. */
    private final List<TokenIntegration> integrations;
    private final Latency latency;
    private HttpServer server;
    private ExecutorService workers;
    private SlowClientGuard slowClients;

    private LucidScimSimulator(Builder settings) {
        this.settings = settings;
        this.requestLog = new RequestLog(settings.requestLogCapacity, settings.requestLogBodyLimit);
        this.directory = new Directory(settings.dialect, settings.licensing);
        this.latency = new Latency(settings.latency, settings.jitter, settings.latencySeed);
        TokenIntegration admin = integration(settings.token, GroupKind.ORGANIZATIONAL);
        this.integrations = settings.contentAccessToken == null ? List.of(admin)
                : List.of(admin, integration(settings.contentAccessToken, GroupKind.TEAM));
    }

    /** A token serving these groups, with its own rate limit when there is one. */
    private TokenIntegration integration(String token, GroupKind groups) {
        RateLimit rateLimit = settings.requestsPerSecond == 0 ? null
                : new RateLimit(settings.requestsPerSecond, settings.burst, System::nanoTime);
        return new TokenIntegration(token, groups, ScimEndpointFactory.create(directory, groups,
                settings.maxPageSize, settings.filteredResultCap, settings.dialect), rateLimit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving. */
    public synchronized LucidScimSimulator start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host, settings.port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + settings.host + ":" + settings.port, e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        workers = new ThreadPoolExecutor(settings.threads, settings.threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "lucid-scim-simulator-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        slowClients = new SlowClientGuard(workers, settings.clientTimeout);
        server.setExecutor(slowClients);
        server.createContext(settings.basePath, new SimulatorHttpHandler(integrations, directory, faults,
                requestLog, settings.basePath, baseUrl(), settings.forbiddenForUnknownUsers,
                new RequestBodyReader(settings.maxRequestBodySize), settings.maxFilterLength, slowClients, latency,
                settings.memberLimit, settings.dialect));
        server.start();
        return this;
    }

    /** Stops serving; the directory is kept until the object is dropped. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            slowClients.close();
            workers.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The SCIM base URL, for the component's {@code tenantUrl}, such as {@code http://127.0.0.1:41234/scim/v2}: the
     * builder's {@link Builder#publicBaseUrl} when set. {@code Location} headers and {@code meta.location} start
     * with it.
     */
    public String baseUrl() {
        if (settings.publicBaseUrl != null) {
            return settings.publicBaseUrl;
        }
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return "http://" + host + ":" + port() + settings.basePath;
    }

    public int port() {
        if (server == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return server.getAddress().getPort();
    }

    /** The admin-management token: its {@code /Groups} are organizational groups. */
    public String token() {
        return settings.token;
    }

    /** The content-access token, whose {@code /Groups} are teams; empty unless the builder set one. */
    public Optional<String> contentAccessToken() {
        return Optional.ofNullable(settings.contentAccessToken);
    }

    // seeding: through the same SCIM validation as requests, without faults, authentication or the request log

    /** Creates a user from SCIM JSON (a deactivated one with {@code "active": false}); returns its id. */
    public String seedUser(String json) {
        return seed("/Users", json);
    }

    public String seedUser(Map<String, ?> user) {
        return seedUser(toJson(user));
    }

    /** Creates an organizational group from SCIM JSON (members by user or group id); returns its id. */
    public String seedGroup(String json) {
        return seed(GroupKind.ORGANIZATIONAL, "/Groups", json);
    }

    /** Creates a team from SCIM JSON (members by user id); returns its id. Needs a content-access token. */
    public String seedTeam(String json) {
        if (settings.contentAccessToken == null) {
            throw new IllegalStateException("Teams need a content-access token: builder().contentAccessToken(...)");
        }
        return seed(GroupKind.TEAM, "/Groups", json);
    }

    public String seedGroup(Map<String, ?> group) {
        return seedGroup(toJson(group));
    }

    /** Makes creating this userName or e-mail fail with Lucid's "exists in another Lucid account" 409. */
    public void reserveForOtherAccount(String userNameOrEmail) {
        directory.reserveForOtherAccount(userNameOrEmail);
    }

    /** Makes deleting this user fail with 409, as Lucid does for the account owner. */
    public void protectFromDeletion(String userId) {
        directory.protectFromDeletion(userId);
    }

    // inspecting

    /** The user as Lucid returns it by id (deactivated users included), or empty. */
    public Optional<JsonNode> user(String id) {
        return Optional.ofNullable(directory.userById(id));
    }

    /** Every user, deactivated ones included (unlike a listing), in creation order. */
    public List<JsonNode> users() {
        return directory.allUsers();
    }

    /** The user with this userName (ignoring case), deactivated or not, or empty; looked up in the index. */
    public Optional<JsonNode> userByUserName(String userName) {
        return Optional.ofNullable(directory.userByUserName(userName));
    }

    /** The organizational group, or empty. */
    public Optional<JsonNode> group(String id) {
        return Optional.ofNullable(directory.groupById(GroupKind.ORGANIZATIONAL, id));
    }

    /** The organizational groups, in creation order. */
    public List<JsonNode> groups() {
        return List.copyOf(directory.allGroups(GroupKind.ORGANIZATIONAL));
    }

    /** The teams the content-access token lists (archived ones are not), in creation order. */
    public List<JsonNode> teams() {
        return List.copyOf(directory.allGroups(GroupKind.TEAM));
    }

    public Optional<JsonNode> groupByName(String displayName) {
        return groups().stream().filter(group -> group.path("displayName").asText().equals(displayName)).findFirst();
    }

    public int userCount() {
        return directory.userCount();
    }

    public int activeUserCount() {
        return directory.activeUserCount();
    }

    /** The organizational groups. */
    public int groupCount() {
        return directory.groupCount(GroupKind.ORGANIZATIONAL);
    }

    /** The fault rules in force; add and clear them while the simulator runs. */
    public Faults faults() {
        return faults;
    }

    public RequestLog requests() {
        return requestLog;
    }

    /**
     * Empties the directory, the fault rules and the request log; ids start again at lucid-1001, the rate limit's
     * bucket is full and the latency's draws start again.
     */
    public void reset() {
        directory.clear();
        faults.clear();
        requestLog.clear();
        latency.reset();
        integrations.stream().map(TokenIntegration::rateLimit).filter(Objects::nonNull)
                .forEach(RateLimit::refill);
    }

    private String seed(String path, String json) {
        return seed(GroupKind.ORGANIZATIONAL, path, json);
    }

    private String seed(GroupKind groups, String path, String json) {
        ResourceEndpoint endpoint = integrations.stream().filter(integration -> integration.groups() == groups)
                .findFirst().orElseThrow().endpoint();
        ScimResponse response = endpoint.handleRequest("http://simulator" + settings.basePath + path, HttpMethod.POST,
                json, Map.of("Content-Type", "application/scim+json"), ScimEndpointFactory.trustedContext());
        if (response.getHttpStatus() != 201) {
            throw new IllegalArgumentException("Cannot seed " + path + ": " + response);
        }
        return response.get("id").asText();
    }

    private static String toJson(Map<String, ?> resource) {
        try {
            return JSON.writeValueAsString(resource);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON-serialisable: " + e.getMessage(), e);
        }
    }

    /** How the simulator listens and behaves; every setting has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String token = DEFAULT_TOKEN;
        private String basePath = DEFAULT_BASE_PATH;
        private int maxPageSize = 100;
        private int threads = 64;
        private boolean forbiddenForUnknownUsers;
        private int requestLogCapacity = Integer.MAX_VALUE;
        private int requestLogBodyLimit = Integer.MAX_VALUE;
        private int maxRequestBodySize = 1024 * 1024;
        private int maxFilterLength = 2048;
        private Duration clientTimeout = Duration.ofSeconds(10);
        private String publicBaseUrl;
        private int filteredResultCap = LUCID_FILTERED_RESULT_CAP;
        private Duration latency = Duration.ZERO;
        private Duration jitter = Duration.ZERO;
        private long latencySeed;
        /** 0: no limit. */
        private double requestsPerSecond;
        private int burst;
        /** Null: no limit. */
        private MemberValueLimit memberLimit;
        private SimulatorDialect dialect = SimulatorDialect.LUCID;
        /** Null: no content-access integration. */
        private String contentAccessToken;
        private OrgGroupLicensing licensing = OrgGroupLicensing.OFF;

        private Builder() {
        }

        /**
         * The address to bind: 127.0.0.1 by default; only widen it on a network you trust. The base URL is built
         * from it, so when binding every interface ({@code 0.0.0.0}) set {@link #publicBaseUrl} as well.
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * A second token on the same account, for Lucid's "SCIM for content access" integration (none by default):
         * with it, {@code /Users} are the same users, and {@code /Groups} are teams, a namespace apart from the
         * organizational groups the main token's {@code /Groups} holds. A team holds users only (an organizational
         * group as member: 400); DELETE archives it (gone from listings, searches and GET, its name still taken); a
         * POST of an archived team's name restores it, under its id, with the members posted. The token has a rate
         * limit of its own, as Lucid limits each token.
         */
        public Builder contentAccessToken(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("The content-access token cannot be blank");
            }
            this.contentAccessToken = token;
            return this;
        }

        /**
         * An account that licenses through organizational groups (off by default), as Lucid's do once moved to the
         * org groups experience: {@code productLicenses} writes (either Lucid extension; POST, PUT, PATCH) are
         * answered as usual and change nothing, and a read shows every product, true where a group the user is in
         * (directly or through sub-groups) grants it ({@link #groupLicenses}).
         */
        public Builder orgGroupLicensing() {
            if (!licensing.enabled()) {
                licensing = OrgGroupLicensing.on();
            }
            return this;
        }

        /**
         * The licences an organizational group grants, by its displayName, such as
         * {@code groupLicenses("Engineering", Map.of("Lucidchart", true))} (products in any case: Lucidchart,
         * Lucidspark, LucidscaleCreator, LucidscaleExplorer); turns {@link #orgGroupLicensing()} on. Set again, a
         * group's settings replace the ones before.
         */
        public Builder groupLicenses(String groupName, Map<String, Boolean> licences) {
            orgGroupLicensing();
            licensing = licensing.withGroup(groupName, licences);
            return this;
        }

        /** The bearer token clients must send. */
        public Builder token(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("The simulator needs a token");
            }
            this.token = token;
            return this;
        }

        public Builder basePath(String basePath) {
            this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
            return this;
        }

        /** The most resources a page holds, whatever count is asked for (Lucid's filter maximum: 100). */
        public Builder maxPageSize(int maxPageSize) {
            this.maxPageSize = maxPageSize;
            return this;
        }

        /**
         * The most results a filtered search reaches ({@value LucidScimSimulator#LUCID_FILTERED_RESULT_CAP} by
         * default, as Lucid documents): the first ones in creation order; {@code totalResults} says the capped number
         * too, so that a client paging until {@code startIndex > totalResults} stops at the cap. Lucid documents only
         * the cap, not what its {@code totalResults} says past it. Listings without a filter are not capped.
         */
        public Builder filteredResultCap(int cap) {
            if (cap < 0) {
                throw new IllegalArgumentException("The filtered result cap cannot be negative");
            }
            this.filteredResultCap = cap;
            return this;
        }

        /**
         * The time every answer takes, standing in for the round trip to a real tenant (none by default): {@code fixed}
         * plus a jitter drawn uniformly between {@code -jitter} and {@code +jitter} (so {@code fixed} is the mean;
         * the jitter cannot exceed it). Injected {@link FaultRule#delay} adds to it. A worker waits the latency out,
         * so the simulator answers at most {@link #threads} / latency requests per second: 64 / 150 ms is about 426.
         */
        public Builder latency(Duration fixed, Duration jitter) {
            if (fixed.isNegative() || jitter.isNegative() || jitter.compareTo(fixed) > 0) {
                throw new IllegalArgumentException("The latency (" + fixed.toMillis() + " ms) and its jitter ("
                                                   + jitter.toMillis() + " ms) must be at least 0, the jitter at most "
                                                   + "the latency: the latency is the mean");
            }
            this.latency = fixed;
            this.jitter = jitter;
            return this;
        }

        /** The seed of the jitter's draws (0 by default): the same seed, the same sequence of latencies. */
        public Builder latencySeed(long seed) {
            this.latencySeed = seed;
            return this;
        }

        /**
         * Limits the requests with each of the simulator's tokens (none by default; the content-access token has a
         * bucket of its own), as Lucid's REST API limits each account token: a token bucket of {@code burst} tokens, full at the start, refilled at {@code requestsPerSecond}.
         * A request that finds no token is answered 429 with {@code Retry-After} (whole seconds until the bucket holds
         * a token again, at least 1) and a SCIM error body, without being processed or meeting a fault rule; it
         * still takes a token, so every request sent during the limited window extends it by the time one token takes
         * to refill. Requests without the right token are answered 401 and take none. Whether Lucid's SCIM API
         * limits this way is not documented.
         */
        public Builder rateLimit(double requestsPerSecond, int burst) {
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond) || burst < 1) {
                throw new IllegalArgumentException("The rate limit needs a positive number of requests per second ("
                                                   + requestsPerSecond + ") and a burst of at least 1 (" + burst
                                                   + ")");
            }
            this.requestsPerSecond = requestsPerSecond;
            this.burst = burst;
            return this;
        }

        /**
         * Refuses a request to {@code /Groups} that carries more than {@code max} member values (none by default,
         * as Lucid documents no limit) with 413: the members of a POST or PUT, the values of a PATCH's operations on
         * {@code members} (a filtered path such as {@code members[value eq "..."]} counts one). For clients that must
         * split large memberships.
         */
        public Builder maxMembersPerRequest(int max) {
            return maxMembersPerRequest(max, MemberValueLimit.PAYLOAD_TOO_LARGE);
        }

        /** The same, answered with {@code status}: 413, or 400 with {@code scimType} {@code tooMany}. */
        public Builder maxMembersPerRequest(int max, int status) {
            this.memberLimit = new MemberValueLimit(max, status);
            return this;
        }

        /**
         * The server the simulator plays: {@link SimulatorDialect#LUCID} by default, or
         * {@link SimulatorDialect#STANDARD}, a strict RFC 7643/7644 server where Lucid differs from one (schemas
         * required, an unfiltered remove clears the attribute, deactivated users listed, no {@code Location} header).
         * Seeding is not checked against the dialect's schema rule.
         */
        public Builder dialect(SimulatorDialect dialect) {
            if (dialect == null) {
                throw new IllegalArgumentException("The dialect is LUCID or STANDARD, not null");
            }
            this.dialect = dialect;
            return this;
        }

        /** Requests served at once. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Answer 403 instead of 404 for unknown users, as older Lucid API versions do. */
        public Builder forbiddenForUnknownUsers(boolean forbidden) {
            this.forbiddenForUnknownUsers = forbidden;
            return this;
        }

        /** Keep only the latest requests in the log (every request by default, as tests count them). */
        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = capacity;
            return this;
        }

        /**
         * Keep at most this many bytes (UTF-8) of each recorded body, cut between two characters and marked
         * {@link RecordedRequest#bodyCut()}: whole by default.
         */
        public Builder requestLogBodyLimit(int bytes) {
            this.requestLogBodyLimit = bytes;
            return this;
        }

        /**
         * The largest request body read, in bytes (1 MiB by default): a larger one is answered 413 without being
         * read, or as soon as a chunked one grows past it.
         */
        public Builder maxRequestBodySize(int bytes) {
            if (bytes < 0 || bytes == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("The body size limit must be between 0 and "
                                                   + (Integer.MAX_VALUE - 1) + " bytes");
            }
            this.maxRequestBodySize = bytes;
            return this;
        }

        /**
         * The longest filter parsed, in characters once percent-decoded (2,048 by default, which holds any one-eq
         * filter Lucid takes: the longest attribute path, about 90 characters, with a 254-character e-mail escaped
         * whole in six-character JSON escapes): a longer one is answered 400 {@code invalidFilter} before any parsing.
         */
        public Builder maxFilterLength(int characters) {
            this.maxFilterLength = characters;
            return this;
        }

        /**
         * How long a client may take to send a request (line, headers, body), and again to take its answer (10 s
         * by default). A client still sending or taking when it is up has its connection closed, so that slow
         * clients cannot hold every worker; the simulator's own time (and injected delays) does not count.
         */
        public Builder clientTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The client timeout must be positive");
            }
            this.clientTimeout = timeout;
            return this;
        }

        /**
         * The base URL clients reach the simulator by, when it is not {@code http://<host>:<port><basePath>}: behind
         * a proxy or a container's port mapping, or bound to 0.0.0.0. {@code Location} headers and
         * {@code meta.location} are built from it (or from the bound host and port), never from a request's
         * {@code Host} header.
         */
        public Builder publicBaseUrl(String url) {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("The public base URL must be an http or https URL without query "
                                                   + "or fragment: " + url);
            }
            this.publicBaseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return this;
        }

        public LucidScimSimulator build() {
            if (token.equals(contentAccessToken)) {
                throw new IllegalArgumentException("The content-access token must differ from the admin-management "
                                                   + "token: the token decides what /Groups holds");
            }
            return new LucidScimSimulator(this);
        }
    }
}
