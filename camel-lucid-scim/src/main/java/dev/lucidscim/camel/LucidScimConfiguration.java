package dev.lucidscim.camel;

import java.net.http.HttpClient;

import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.client.FilteredResultCap;
import dev.lucidscim.client.PatchForm;
import dev.lucidscim.client.RateBudget;
import dev.lucidscim.client.ScimClientOptions;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options shared by the component (defaults for its endpoints) and each endpoint. Durations are milliseconds in
 * Java and may be written as {@code 30s}, {@code 2m} in URIs and properties.
 */
@UriParams
@Configurer
public class LucidScimConfiguration implements Cloneable {

    // common

    @UriParam(defaultValue = "https://users.lucid.app/scim/v2",
              description = "The SCIM base URL of the Lucid tenant. GovSuite (FedRAMP) tenants have their own, such as "
                            + "https://ACCOUNT.users.lucidgov.app/scim/v2.")
    private String tenantUrl = "https://users.lucid.app/scim/v2";

    @UriParam(defaultValue = "100",
              description = "Resources requested per page when searching, polling or reconciling (Lucid's filter "
                            + "maximum is 100).")
    private int pageSize = 100;

    @UriParam(defaultValue = "4",
              description = "How many pages of a listing (search, the consumer's poll, reconcile) are fetched at once "
                            + "once the first page told how many there are; still handed on in order, and checked, "
                            + "falling back to page by page on any doubt. 1 reads page by page. Requests in flight "
                            + "are rate times round trip: 4 keep a listing at 25 requests/s with 150 ms round trips.")
    private int pagesInFlight = ScimClientOptions.DEFAULT_PAGES_IN_FLIGHT;

    @UriParam(description = "A SCIM filter for search and the consumer: one eq comparison with a quoted value, "
                            + "on userName, emails.value, externalId, displayName or a productLicenses flag (the only "
                            + "filters Lucid serves: it answers 400 to any other).")
    private String filter;

    @UriParam(description = "Comma-separated attributes Lucid should return (id always comes back). Not together "
                            + "with excludedAttributes.")
    private String attributes;

    @UriParam(description = "Comma-separated attributes Lucid should leave out. Not together with attributes.")
    private String excludedAttributes;

    @UriParam(defaultValue = "lucid",
              description = "How the SCIM server reads the requests where servers differ: lucid, or standard for a "
                            + "server that follows RFC 7644 to the letter. Only the removal of group members differs: "
                            + "lucid lists the members to remove in the value of one remove operation, which a "
                            + "standard server takes for a removal of every member; standard sends one remove per "
                            + "member, its path filtered on the member's value. Both dialects list the schemas of "
                            + "every create and replace, take the resource's URL from meta.location when there is "
                            + "no Location header, and take a listed user with active false for a deactivated one.")
    private LucidScimDialect dialect = LucidScimDialect.LUCID;

    @UriParam(defaultValue = "adminManagement", enums = "adminManagement,contentAccess",
              description = "Which of Lucid's SCIM integrations the bearer token belongs to, which decides what "
                            + "lucid-scim:groups holds: adminManagement (SCIM for admin management), whose groups are "
                            + "organizational groups holding users and sub-groups; or contentAccess (SCIM for content "
                            + "access), whose groups are teams: a team member that is a group is refused before any "
                            + "request, a delete archives the team (outcome archived), a create of an archived "
                            + "team's name restores it (outcome reactivated), and the consumer reports an archived "
                            + "team as removed, even with resolveRemoved. Users are the same under both.")
    private LucidScimIntegration integration = LucidScimIntegration.ADMIN_MANAGEMENT;

    // producer

    @UriParam(label = "producer",
              enums = "create,get,search,replace,patch,delete,upsert,deactivate,reactivate,addMembers,removeMembers,"
                      + "reconcile,apply,approve,reject,revert",
              description = "The operation to perform; the CamelLucidScimOperation header overrides it per message.")
    private LucidScimOperation operation;

    @UriParam(label = "producer", defaultValue = "userName",
              description = "The attribute upsert matches users on: userName (what Entra ID and Okta use) or "
                            + "externalId (an HR employee id). Groups always match on displayName.")
    private LucidScimMatchAttribute matchAttribute = LucidScimMatchAttribute.USER_NAME;

    @UriParam(label = "producer", defaultValue = "false",
              description = "Allow operation=delete on users. Lucid's DELETE is permanent and transfers the user's "
                            + "documents; deactivate is the recommended way to remove a user.")
    private boolean allowHardDelete;

    @UriParam(label = "producer", defaultValue = "rfc",
              description = "How PATCH requests are sent: rfc (RFC 7644: schemas lists only "
                            + "urn:ietf:params:scim:api:messages:2.0:PatchOp, Content-Type: the SCIM media type), "
                            + "which Lucid reads; or lucid, the form of Lucid's own examples (the PatchOp URN and the "
                            + "core User or Group URN, Content-Type application/json), which a server that follows "
                            + "the RFC to the letter refuses with 400.")
    private PatchForm patchForm = PatchForm.RFC;

    @UriParam(label = "producer,advanced",
              description = "Comma-separated schemas of PATCH bodies, in place of those of the patchForm (for a "
                            + "server that wants yet another list).")
    private String patchSchemas;

    @UriParam(label = "producer", defaultValue = "100",
              description = "The most member values one PATCH of a group's members (adds and removes together), or "
                            + "the POST of a new group, carries; more members go in further PATCHes, one after the "
                            + "other. A request Lucid refuses as too large (413, or 400 tooMany) is split in two. "
                            + "Lucid documents no limit; 100 is the strictest limit other SCIM services document.")
    private int membersPerPatch = ScimClientOptions.DEFAULT_MEMBERS_PER_PATCH;

    // reconcile

    @UriParam(label = "producer,reconcile", defaultValue = "false",
              description = "Reconcile plans and reports, and writes nothing; revert gives the inverse plan as the "
                            + "body and writes nothing.")
    private boolean dryRun;

    @UriParam(label = "producer,reconcile", defaultValue = "all",
              description = "Which Lucid users reconcile may deactivate when the roster lacks them: all; "
                            + "withExternalId, those with an externalId (so that accounts created by hand are never "
                            + "touched); or filter, those matching managedFilter.")
    private LucidScimManagedUsers managedUsers = LucidScimManagedUsers.ALL;

    @UriParam(label = "producer,reconcile",
              description = "With managedUsers=filter: one attribute eq value comparison (a JSON value: quote strings), "
                            + "evaluated on the listed users.")
    private String managedFilter;

    @UriParam(label = "producer,reconcile",
              description = "The most managed users one reconcile may deactivate; beyond it nothing at all is applied. "
                            + "No limit when unset (maxDeactivationPercent still applies).")
    private Integer maxDeactivations;

    @UriParam(label = "producer,reconcile", defaultValue = "10",
              description = "The largest share of managed users, in percent, one reconcile may deactivate; beyond it "
                            + "nothing at all is applied. A negative value turns the check off.")
    private double maxDeactivationPercent = 10;

    @UriParam(label = "producer,reconcile", defaultValue = "4",
              description = "How many of reconcile's writes are in flight at once (the rate limit applies to each). "
                            + "4 by default: against a tenant at 150 ms a round trip that takes 25 requests/s, the "
                            + "most that stays near the tenant's rate without requestsPerSecond (8 or 16 meet 429s "
                            + "in waves and take 5 times as long); with requestsPerSecond set to the tenant's rate, "
                            + "8 run within 4% of the minimum.")
    private int reconcileConcurrency = 4;

    @UriParam(label = "producer,reconcile",
              description = "Comma-separated displayNames of groups reconcile never creates nor changes, even when the "
                            + "roster names them (Lucid asks admins to exclude an identity provider's 'All Users' "
                            + "group: pushed as an organizational group, it could license everyone). Names are "
                            + "matched exactly, as Lucid matches groups.")
    private String excludedGroups;

    @UriParam(label = "producer,reconcile", defaultValue = "24h", javaType = "java.time.Duration",
              description = "The oldest plan apply and approve accept (its created time): an older one is refused "
                            + "before any request, since the directory has moved on; make a new plan (a dry run).")
    private long maxPlanAge = 24 * 60 * 60 * 1000L;

    // consumer

    @UriParam(label = "consumer", defaultValue = "changes",
              description = "What the consumer emits each poll: only the changes since the previous poll (with "
                            + "CamelLucidScimChangeType), or every listed resource (all).")
    private LucidScimConsumerMode mode = LucidScimConsumerMode.CHANGES;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "When a resource disappears from the listing, look it up by id to report deactivated "
                            + "(a deactivated user, which Lucid hides from listings) or deleted instead of removed. "
                            + "Costs one request per disappearance.")
    private boolean resolveRemoved;

    @UriParam(label = "consumer",
              description = "The most exchanges one poll emits (0: no limit). Changes beyond it are emitted by the next "
                            + "polls; removals are only detected by a poll that read the whole listing.")
    private int maxMessagesPerPoll;

    @UriParam(label = "advanced",
              description = "Where the consumer keeps what it has seen, so that a restart (or another cluster member) "
                            + "continues the change feed, and where reconcile and the producer find the deactivated "
                            + "users Lucid hides: reconcile and upsert reactivate a rehire found there, deactivate "
                            + "and upsert remember whom they deactivate. A FileStateRepository for one durable node, a "
                            + "shared one (such as JdbcStateRepository) for several. In memory by default, which the "
                            + "consumer and reconcile use for the endpoint's lifetime; upsert and deactivate use "
                            + "only a configured one.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "producer,audit",
              description = "The audit ledger: every write the endpoint makes (whatever the operation, failed ones "
                            + "too) is recorded in it, chained to the record before by a SHA-256 hash; operation "
                            + "revert reads a run's records from it. A MemoryAuditLedger for one node and tests, a "
                            + "JdbcAuditLedger (on the state's database) to keep it and share it between nodes. None "
                            + "by default. With a ledger or an auditEndpoint, each PUT, PATCH or DELETE whose "
                            + "values before the operation has not read costs one GET before it.")
    private AuditLedger auditLedger;

    @UriParam(label = "producer,audit",
              description = "A Camel endpoint URI (such as file:audit?fileExist=Append, jms:queue:audit or "
                            + "kafka:audit) that receives each audit record, once chained, as one line of JSON. A "
                            + "record it cannot take is logged at ERROR and counted; the write stays done. None by "
                            + "default.")
    private String auditEndpoint;

    @UriParam(label = "advanced",
              description = "The prefix of the consumer's (and reconcile's and the producer's) keys in the state "
                            + "repository: endpoints with the same one share the deactivated users they know. By "
                            + "default derived from the tenant, resource and filter; set it when endpoints sharing a "
                            + "repository must be told apart otherwise, or share state although their filters differ, "
                            + "or to keep the state when the filter changes.")
    private String stateKey;

    @UriParam(label = "producer,advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "How long upsert and reconcile leave out an attribute the tenant accepted a write of and "
                            + "did not keep (licences on a Lucid account that licenses through org groups), before "
                            + "writing it once more to see whether the tenant keeps it now. 0: until the state "
                            + "repository's key made of the stateKey and /ignoredAttributes is removed (or, without a "
                            + "configured repository, the component restarts).")
    private long retryIgnoredAttributesAfter;

    @UriParam(label = "consumer,advanced",
              description = "Comma-separated attribute paths whose previous values updated changes carry (header "
                            + "CamelLucidScimPrevious). Users: userName, externalId, active, title, and the enterprise "
                            + "department and manager by default; groups: displayName, externalId, members.")
    private String trackedAttributes;

    // security

    @UriParam(label = "security", secret = true,
              description = "The SCIM bearer token a Lucid admin generates in Lucid (Admin, App Integration, "
                            + "SCIM, Settings). Required. Give it from a secret store or the environment through a "
                            + "property placeholder, never in source code or a committed file. In a URI, wrap a token "
                            + "holding plus, ampersand or equals signs in RAW(...).")
    @Metadata(required = true)
    private String bearerToken;

    @UriParam(label = "security", defaultValue = "false",
              description = "Allow plain http:// to a host that is not loopback, or through a proxy. Plain "
                            + "http:// to loopback without a proxy (the simulator, tests) is always allowed. Off by "
                            + "default: the token would cross the network in clear text.")
    private boolean allowInsecureHttp;

    @UriParam(label = "security",
              description = "TLS settings (trust store, key store, protocols) for the connection to Lucid; the JVM's "
                            + "defaults otherwise. Hostname verification always applies.")
    private SSLContextParameters sslContextParameters;

    // HTTP

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration",
              description = "The longest wait for a connection to Lucid.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "The longest wait for Lucid's complete response once a request is sent; a server that "
                            + "trickles bytes is cut off here.")
    private long readTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "20",
              description = "The most requests in flight to the tenant at once from endpoints sharing a connection "
                            + "(and so the connection pool size over HTTP/1.1).")
    private int maxConnections = 20;

    @UriParam(label = "advanced", defaultValue = "1000000",
              description = "The most resources one listing (search, the consumer's poll, reconcile) may hold; a "
                            + "server whose pages never end fails the listing with ScimInvalidResponseException "
                            + "instead of filling the heap. Raise it for a larger directory.")
    private int maxListingSize = ScimClientOptions.DEFAULT_MAX_LISTING;

    @UriParam(label = "advanced", defaultValue = "10000",
              description = "The most results Lucid returns for a filtered query: 10,000, as Lucid documents. A "
                            + "filtered search or poll that reaches it may miss matches: search says so "
                            + "(CamelLucidScimResultsCapped) and the consumer reports no removals from it, both with "
                            + "a WARN. Change it only for a tenant (or a simulator) with another cap.")
    private int filteredResultCap = FilteredResultCap.LUCID_MAX_RESULTS;

    @UriParam(label = "advanced", defaultValue = "16777216",
              description = "The largest response body accepted, in bytes; a larger one fails with "
                            + "ScimInvalidResponseException instead of filling the heap.")
    private long maxResponseSize = 16L * 1024 * 1024;

    @UriParam(label = "advanced",
              description = "A java.net.http.HttpClient to use as is, instead of one built from these options "
                            + "(connectTimeout, proxy and sslContextParameters then do not apply). It must not "
                            + "follow redirects (a redirect would carry the bearer token to another host): one "
                            + "that does is refused at start.")
    private HttpClient httpClient;

    @UriParam(label = "proxy",
              description = "The host of an HTTP proxy to reach Lucid through. Through a proxy, a plain http:// "
                            + "tenant URL, even on loopback, needs allowInsecureHttp=true.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The port of the HTTP proxy; 8080 when unset.")
    private Integer proxyPort;

    @UriParam(label = "proxy", secret = true,
              description = "The user name for the proxy, if it asks for one (with proxyPassword). The JDK sends "
                            + "these Basic credentials to a proxy tunnelling HTTPS only when the JVM runs with "
                            + "jdk.http.auth.tunneling.disabledSchemes set empty "
                            + "(-Djdk.http.auth.tunneling.disabledSchemes=).")
    private String proxyUsername;

    @UriParam(label = "proxy", secret = true, description = "The password for the proxy (see proxyUsername).")
    private String proxyPassword;

    // resilience

    @UriParam(label = "advanced", defaultValue = "5",
              description = "Retries after the first attempt on 429, 503, I/O errors, and (for requests that are safe "
                            + "to repeat) 502 and 504. 0 turns retrying off. A create that may have reached Lucid is "
                            + "never replayed.")
    private int maxRetries = 5;

    @UriParam(label = "advanced", defaultValue = "500ms", javaType = "java.time.Duration",
              description = "The backoff before the first retry; it doubles for each further retry, with jitter. A "
                            + "Retry-After from Lucid replaces it.")
    private long retryInitialDelay = 500;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "The longest backoff between two attempts.")
    private long retryMaxDelay = 30_000;

    @UriParam(label = "advanced", defaultValue = "2m", javaType = "java.time.Duration",
              description = "The longest time spent retrying one request; a wait that would end later is not started.")
    private long retryMaxElapsed = 120_000;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "Client-side rate limit in requests per second, shared by every endpoint of the same "
                            + "tenant and token (the lowest configured value holds). Requests are paced, one every "
                            + "1/rate seconds, never sent in a burst. 0 means no limit.")
    private double requestsPerSecond;

    @UriParam(label = "advanced", defaultValue = "false",
              description = "Adapt the rate to Lucid's 429s: start at requestsPerSecond (required), lower the rate "
                            + "to 70% on a 429, raise it by 5% of requestsPerSecond after each 10 seconds' worth of "
                            + "answers without one, never above requestsPerSecond. Shared by every endpoint of the "
                            + "same tenant and token (adaptive if any of them asks).")
    private boolean adaptiveRate;

    @UriParam(label = "advanced",
              description = "A rate budget shared by several nodes (processes) that send to the same tenant, such as "
                            + "dev.lucidscim.jdbc.PostgresRateBudget on the database of the shared state: with it, "
                            + "requestsPerSecond (required) is the rate of every node together, not of each one. By "
                            + "default each process paces its own requests. With adaptiveRate, the adapted rate is "
                            + "the one the nodes share.")
    private RateBudget rateBudget;

    public String getTenantUrl() {
        return tenantUrl;
    }

    public void setTenantUrl(String tenantUrl) {
        this.tenantUrl = tenantUrl;
    }

    public int getMaxListingSize() {
        return maxListingSize;
    }

    public void setMaxListingSize(int maxListingSize) {
        this.maxListingSize = maxListingSize;
    }

    public int getFilteredResultCap() {
        return filteredResultCap;
    }

    public void setFilteredResultCap(int filteredResultCap) {
        this.filteredResultCap = filteredResultCap;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getPagesInFlight() {
        return pagesInFlight;
    }

    public void setPagesInFlight(int pagesInFlight) {
        this.pagesInFlight = pagesInFlight;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getAttributes() {
        return attributes;
    }

    public void setAttributes(String attributes) {
        this.attributes = attributes;
    }

    public String getExcludedAttributes() {
        return excludedAttributes;
    }

    public void setExcludedAttributes(String excludedAttributes) {
        this.excludedAttributes = excludedAttributes;
    }

    public LucidScimOperation getOperation() {
        return operation;
    }

    public void setOperation(LucidScimOperation operation) {
        this.operation = operation;
    }

    public LucidScimMatchAttribute getMatchAttribute() {
        return matchAttribute;
    }

    public void setMatchAttribute(LucidScimMatchAttribute matchAttribute) {
        this.matchAttribute = matchAttribute;
    }

    public boolean isAllowHardDelete() {
        return allowHardDelete;
    }

    public void setAllowHardDelete(boolean allowHardDelete) {
        this.allowHardDelete = allowHardDelete;
    }

    public LucidScimDialect getDialect() {
        return dialect;
    }

    public void setDialect(LucidScimDialect dialect) {
        this.dialect = dialect;
    }

    public LucidScimIntegration getIntegration() {
        return integration;
    }

    public void setIntegration(LucidScimIntegration integration) {
        this.integration = integration;
    }

    public int getMembersPerPatch() {
        return membersPerPatch;
    }

    public void setMembersPerPatch(int membersPerPatch) {
        this.membersPerPatch = membersPerPatch;
    }

    public PatchForm getPatchForm() {
        return patchForm;
    }

    public void setPatchForm(PatchForm patchForm) {
        this.patchForm = patchForm;
    }

    public String getPatchSchemas() {
        return patchSchemas;
    }

    public void setPatchSchemas(String patchSchemas) {
        this.patchSchemas = patchSchemas;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public LucidScimManagedUsers getManagedUsers() {
        return managedUsers;
    }

    public void setManagedUsers(LucidScimManagedUsers managedUsers) {
        this.managedUsers = managedUsers;
    }

    public String getManagedFilter() {
        return managedFilter;
    }

    public void setManagedFilter(String managedFilter) {
        this.managedFilter = managedFilter;
    }

    public Integer getMaxDeactivations() {
        return maxDeactivations;
    }

    public void setMaxDeactivations(Integer maxDeactivations) {
        this.maxDeactivations = maxDeactivations;
    }

    public double getMaxDeactivationPercent() {
        return maxDeactivationPercent;
    }

    public void setMaxDeactivationPercent(double maxDeactivationPercent) {
        this.maxDeactivationPercent = maxDeactivationPercent;
    }

    public String getExcludedGroups() {
        return excludedGroups;
    }

    public void setExcludedGroups(String excludedGroups) {
        this.excludedGroups = excludedGroups;
    }

    public long getMaxPlanAge() {
        return maxPlanAge;
    }

    public void setMaxPlanAge(long maxPlanAge) {
        this.maxPlanAge = maxPlanAge;
    }

    public int getReconcileConcurrency() {
        return reconcileConcurrency;
    }

    public void setReconcileConcurrency(int reconcileConcurrency) {
        this.reconcileConcurrency = reconcileConcurrency;
    }

    public LucidScimConsumerMode getMode() {
        return mode;
    }

    public void setMode(LucidScimConsumerMode mode) {
        this.mode = mode;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isResolveRemoved() {
        return resolveRemoved;
    }

    public void setResolveRemoved(boolean resolveRemoved) {
        this.resolveRemoved = resolveRemoved;
    }

    public AuditLedger getAuditLedger() {
        return auditLedger;
    }

    public void setAuditLedger(AuditLedger auditLedger) {
        this.auditLedger = auditLedger;
    }

    public String getAuditEndpoint() {
        return auditEndpoint;
    }

    public void setAuditEndpoint(String auditEndpoint) {
        this.auditEndpoint = auditEndpoint;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public long getRetryIgnoredAttributesAfter() {
        return retryIgnoredAttributesAfter;
    }

    public void setRetryIgnoredAttributesAfter(long retryIgnoredAttributesAfter) {
        this.retryIgnoredAttributesAfter = retryIgnoredAttributesAfter;
    }

    public String getTrackedAttributes() {
        return trackedAttributes;
    }

    public void setTrackedAttributes(String trackedAttributes) {
        this.trackedAttributes = trackedAttributes;
    }

    public String getBearerToken() {
        return bearerToken;
    }

    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getRetryMaxElapsed() {
        return retryMaxElapsed;
    }

    public void setRetryMaxElapsed(long retryMaxElapsed) {
        this.retryMaxElapsed = retryMaxElapsed;
    }

    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public boolean isAdaptiveRate() {
        return adaptiveRate;
    }

    public void setAdaptiveRate(boolean adaptiveRate) {
        this.adaptiveRate = adaptiveRate;
    }

    public RateBudget getRateBudget() {
        return rateBudget;
    }

    public void setRateBudget(RateBudget rateBudget) {
        this.rateBudget = rateBudget;
    }

    public LucidScimConfiguration copy() {
        try {
            return (LucidScimConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // Secrets are left out: this may end up in logs.
        return "LucidScimConfiguration[tenantUrl=" + tenantUrl + ", operation=" + operation + ", bearerToken="
               + (bearerToken == null ? "unset" : "****") + "]";
    }
}
