package dev.lucidscim.camel;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;

import dev.lucidscim.camel.audit.AuditEndpointSink;
import dev.lucidscim.camel.audit.AuditRecorder;
import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.camel.producer.LucidScimProducer;
import dev.lucidscim.camel.producer.ProducerStatistics;
import dev.lucidscim.camel.producer.plan.TenantVersions;
import dev.lucidscim.camel.state.IgnoredAttributes;
import dev.lucidscim.client.BearerToken;
import dev.lucidscim.client.FilteredResultCap;
import dev.lucidscim.client.ProxySettings;
import dev.lucidscim.client.RequestRate;
import dev.lucidscim.client.RetryPolicy;
import dev.lucidscim.client.ScimClient;
import dev.lucidscim.client.ScimClientOptions;
import dev.lucidscim.client.ScimConnection;
import dev.lucidscim.client.ScimConnectionSettings;
import dev.lucidscim.client.TenantStatistics;
import dev.lucidscim.client.TenantUrl;
import dev.lucidscim.client.WriteObserver;
import dev.lucidscim.plan.PendingPlans;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Provision users and groups into Lucid (Lucidchart, Lucidspark, Lucidscale) through its SCIM 2.0 API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "lucid-scim", title = "Lucid SCIM", syntax = "lucid-scim:resource",
             category = { Category.CLOUD, Category.SAAS, Category.SECURITY }, headersClass = LucidScimConstants.class)
@ManagedResource(description = "Managed lucid-scim endpoint")
public class LucidScimEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** A SaaS directory changes in minutes, not milliseconds: Camel's 500 ms default would hammer Lucid. */
    static final long DEFAULT_DELAY = 300_000;

    @UriPath(description = "The SCIM resource: users or groups.", enums = "users,groups")
    @Metadata(required = true)
    private final LucidScimResource resource;

    @UriParam
    private LucidScimConfiguration configuration;

    @UriParam(label = "consumer,scheduler", defaultValue = "5m", javaType = "java.time.Duration",
              description = "Milliseconds (or 30s, 5m) between the end of a poll and the start of the next. Each poll "
                            + "lists the whole directory (one request per page of pageSize), so keep it in minutes.")
    private long delay = DEFAULT_DELAY;

    /** A health probe answers within this, whatever the endpoint's readTimeout. */
    private static final long HEALTH_PROBE_MAX_READ_TIMEOUT_MILLIS = 10_000;

    private ScimConnection connection;
    private ScimClient client;
    private ScimClient healthProbeClient;
    private AuditRecorder auditRecorder;
    private ProducerTemplate auditTemplate;
    private FilteredResultCap resultCap;
    /** Kept when the endpoint stops: the tenant's counts outlive it (see ScimConnectionRegistry). */
    private volatile TenantStatistics tenantStatistics;
    private ProducerStatistics producerStatistics;
    /** Whether the tenant advertises ETags, once read. */
    private TenantVersions tenantVersions;
    /** The state repository when none is configured. */
    private StateRepository<String, String> inMemoryState;

    public LucidScimEndpoint(String uri, LucidScimComponent component, LucidScimResource resource,
                             LucidScimConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
        super.setDelay(DEFAULT_DELAY);
    }

    @Override
    public Producer createProducer() {
        return new LucidScimProducer(this, producerStatisticsForNewProducer());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        LucidScimConsumer consumer = new LucidScimConsumer(this, processor);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
    }

    @Override
    public long getDefaultDelay() {
        return DEFAULT_DELAY;
    }

    /**
     * The state repository of this endpoint's consumer, reconcile and upsert: the configured one, else one in memory
     * for the endpoint's lifetime (kept apart from the configuration, which still tells whether one was configured).
     * Started here, so that callers can use it at once.
     */
    public synchronized StateRepository<String, String> stateRepository() throws Exception {
        StateRepository<String, String> repository = configuration.getStateRepository();
        if (repository == null) {
            if (inMemoryState == null) {
                inMemoryState = new MemoryStateRepository();
            }
            repository = inMemoryState;
        }
        ServiceHelper.startService(repository);
        return repository;
    }

    /**
     * The attributes this endpoint's tenant does not keep: in the configured state repository, shared with the nodes
     * that share it, else in the component's memory for its life (shared by its endpoints with the same state key).
     */
    public IgnoredAttributes ignoredAttributes() throws Exception {
        StateRepository<String, String> repository = configuration.getStateRepository() == null
                ? getComponent().ignoredAttributesMemory() : stateRepository();
        return new IgnoredAttributes(repository, stateNamespace(),
                Duration.ofMillis(configuration.getRetryIgnoredAttributesAfter()), Clock.systemUTC());
    }

    /**
     * The plans of this endpoint's tenant waiting for approval, in its state repository (see
     * {@link #stateRepository()}): where a tripped deletion breaker stores its plan, and what approve and reject
     * take from.
     */
    public PendingPlans pendingPlans() throws Exception {
        return new PendingPlans(stateRepository(), stateNamespace(), Clock.systemUTC());
    }

    /** Whether the tenant advertises ETags, read once for the endpoint's life; available while it is started. */
    public synchronized TenantVersions tenantVersions() {
        if (tenantVersions == null) {
            ScimClient started = client;
            tenantVersions = new TenantVersions(started::serviceProviderConfig);
        }
        return tenantVersions;
    }

    /** The tenant's host (and port when not the default), as a plan names it. */
    public String tenantHost() {
        return TenantUrl.of(configuration.getTenantUrl(), configuration.isAllowInsecureHttp()).hostAndPort();
    }

    /** The consumer's key prefix in the state repository: stateKey, else derived from tenant, resource and filter. */
    public String stateNamespace() {
        if (configuration.getStateKey() != null && !configuration.getStateKey().isBlank()) {
            return configuration.getStateKey();
        }
        String scope = configuration.getTenantUrl() + "|" + configuration.getFilter();
        return "lucid-scim/" + resource + "/" + Integer.toHexString(scope.hashCode());
    }

    @Override
    public LucidScimComponent getComponent() {
        return (LucidScimComponent) super.getComponent();
    }

    public LucidScimResource getResource() {
        return resource;
    }

    public LucidScimConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LucidScimConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The SCIM client of this endpoint; available while the endpoint is started. */
    public ScimClient getClient() {
        return client;
    }

    /** The filteredResultCap option, checked at start: what tells a filtered listing that may miss matches. */
    public FilteredResultCap resultCap() {
        return resultCap;
    }

    /** The counts of this endpoint's tenant; null until the endpoint first started. */
    public TenantStatistics tenantStatistics() {
        return tenantStatistics;
    }

    /** The outcomes of this endpoint's producers, all of them together; null while it has none. */
    public synchronized ProducerStatistics producerStatistics() {
        return producerStatistics;
    }

    /** Made with the first producer, so that only endpoints used as producers have them. */
    private synchronized ProducerStatistics producerStatisticsForNewProducer() {
        if (producerStatistics == null) {
            producerStatistics = new ProducerStatistics();
        }
        return producerStatistics;
    }

    @ManagedAttribute(description = "The tenant's host (and port): the tenant the counts below are of")
    public String getTenant() {
        return tenantStatistics == null ? "" : tenantStatistics.tenant();
    }

    @ManagedAttribute(description = "Requests to the tenant (by every endpoint of its host) by method and status, "
                                    + "such as GET 200=3, POST 201=1; status none: no answer")
    public String getTenantRequests() {
        return tenantStatistics == null ? "" : StatisticsText.requests(tenantStatistics);
    }

    @ManagedAttribute(description = "Requests to the tenant sent again after a 429, a 5xx or an I/O error")
    public long getTenantRetries() {
        return tenantStatistics == null ? 0 : tenantStatistics.retries();
    }

    @ManagedAttribute(description = "Answers with status 429 (rate limited) from the tenant")
    public long getTenantRateLimited() {
        return tenantStatistics == null ? 0 : tenantStatistics.rateLimited();
    }

    @ManagedAttribute(description = "Milliseconds spent waiting as the tenant's Retry-After asked: before retries, "
                                    + "and by the requests held until a 429's window ended")
    public long getTenantRetryAfterWaitMillis() {
        return tenantStatistics == null ? 0 : Duration.ofNanos(tenantStatistics.retryAfterWaitNanos()).toMillis();
    }

    @ManagedAttribute(description = "Milliseconds requests spent waiting for the client-side rate limit "
                                    + "(requestsPerSecond)")
    public long getTenantRateLimitWaitMillis() {
        return tenantStatistics == null ? 0 : Duration.ofNanos(tenantStatistics.rateLimitWaitNanos()).toMillis();
    }

    @ManagedAttribute(description = "The client-side rate in force for the tenant, in requests per second: "
                                    + "requestsPerSecond, or what adaptiveRate made of it; 0: no limit")
    public double getTenantRequestsPerSecond() {
        return tenantStatistics == null ? 0 : tenantStatistics.requestsPerSecond();
    }

    @ManagedAttribute(description = "Requests to the tenant sent and not answered yet")
    public long getTenantRequestsInFlight() {
        return tenantStatistics == null ? 0 : tenantStatistics.inFlight();
    }

    @ManagedAttribute(description = "Messages this endpoint's producers completed, by operation and outcome, such "
                                    + "as create created=2, upsert unchanged=5")
    public String getProducerOutcomes() {
        ProducerStatistics producers = producerStatistics();
        return producers == null ? "" : StatisticsText.outcomes(producers);
    }

    @ManagedAttribute(description = "Messages this endpoint's producers failed, by operation and exception type, "
                                    + "such as create ScimConflictException=1")
    public String getProducerFailures() {
        ProducerStatistics producers = producerStatistics();
        return producers == null ? "" : StatisticsText.failures(producers);
    }

    /** A SCIM client for health probes: no retries and a short read timeout; null while the endpoint is stopped. */
    public ScimClient getHealthProbeClient() {
        return healthProbeClient;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getTenantUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "scim";
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Settings are checked here, so a misconfigured route fails at startup, before any request.
        resultCap = new FilteredResultCap(configuration.getFilteredResultCap());
        connection = getComponent().connections().acquire(connectionSettings(),
                new RequestRate(configuration.getRequestsPerSecond(), configuration.isAdaptiveRate(),
                        configuration.getRateBudget()));
        tenantStatistics = connection.statistics();
        auditRecorder = auditRecorder(tenantStatistics.tenant());
        client = new ScimClient(connection, clientOptions(),
                auditRecorder == null ? WriteObserver.NONE : auditRecorder);
        healthProbeClient = new ScimClient(connection, new ScimClientOptions(RetryPolicy.NONE,
                Duration.ofMillis(Math.min(configuration.getReadTimeout(), HEALTH_PROBE_MAX_READ_TIMEOUT_MILLIS)),
                null, configuration.getMaxListingSize(), 1, // a probe reads one page
                ScimClientOptions.DEFAULT_MEMBERS_PER_PATCH));
    }

    /** A recorder of the writes when a ledger or an endpoint for the records is configured, else null. */
    private AuditRecorder auditRecorder(String tenantHost) throws Exception {
        String auditEndpoint = configuration.getAuditEndpoint();
        if (configuration.getAuditLedger() == null && (auditEndpoint == null || auditEndpoint.isBlank())) {
            return null;
        }
        AuditEndpointSink sink = null;
        if (auditEndpoint != null && !auditEndpoint.isBlank()) {
            auditTemplate = getCamelContext().createProducerTemplate();
            // resolved now, so that a URI that names no endpoint fails at startup, not at the first write
            auditTemplate.setDefaultEndpoint(getCamelContext().getEndpoint(auditEndpoint.strip()));
            sink = new AuditEndpointSink(auditTemplate, auditEndpoint.strip());
        }
        return new AuditRecorder(tenantHost, configuration.getAuditLedger(), sink, Clock.systemUTC());
    }

    /** The recorder of this endpoint's writes; null when no auditLedger nor auditEndpoint is set, or stopped. */
    public AuditRecorder auditRecorder() {
        return auditRecorder;
    }

    @ManagedAttribute(description = "Audit records that could not be stored in the auditLedger or sent to the "
                                    + "auditEndpoint (each logged at ERROR); the writes they record were made")
    public long getAuditFailures() {
        return auditRecorder == null ? 0 : auditRecorder.failures();
    }

    @Override
    protected void doStop() throws Exception {
        if (auditTemplate != null) {
            auditTemplate.stop();
            auditTemplate = null;
        }
        auditRecorder = null;
        if (connection != null) {
            getComponent().connections().release(connection);
            connection = null;
            client = null;
            healthProbeClient = null;
            synchronized (this) {
                tenantVersions = null;
            }
        }
        super.doStop();
    }

    private ScimConnectionSettings connectionSettings() throws Exception {
        TenantUrl tenantUrl = TenantUrl.of(configuration.getTenantUrl(), configuration.isAllowInsecureHttp());
        BearerToken token = BearerToken.of(configuration.getBearerToken());
        ProxySettings proxy = configuration.getProxyHost() == null ? null
                : new ProxySettings(configuration.getProxyHost(),
                        configuration.getProxyPort() == null ? 8080 : configuration.getProxyPort(),
                        configuration.getProxyUsername(), configuration.getProxyPassword());
        SSLContext sslContext = configuration.getSslContextParameters() == null ? null
                : getComponent().sslContextFor(configuration.getSslContextParameters());
        return new ScimConnectionSettings(tenantUrl, token, Duration.ofMillis(configuration.getConnectTimeout()),
                configuration.getMaxConnections(), proxy, sslContext, configuration.getHttpClient(),
                configuration.getMaxResponseSize());
    }

    private ScimClientOptions clientOptions() {
        RetryPolicy retryPolicy = new RetryPolicy(configuration.getMaxRetries(),
                Duration.ofMillis(configuration.getRetryInitialDelay()),
                Duration.ofMillis(configuration.getRetryMaxDelay()),
                Duration.ofMillis(configuration.getRetryMaxElapsed()));
        List<String> patchSchemas = configuration.getPatchSchemas() == null ? null
                : Arrays.stream(configuration.getPatchSchemas().split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
        return new ScimClientOptions(retryPolicy, Duration.ofMillis(configuration.getReadTimeout()), patchSchemas,
                configuration.getMaxListingSize(), configuration.getPagesInFlight(),
                configuration.getMembersPerPatch(), configuration.getDialect().memberRemoval(),
                configuration.getPatchForm());
    }
}
