package dev.lucidscim.camel.springboot;

import java.lang.reflect.RecordComponent;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimConsumerMode;
import dev.lucidscim.camel.LucidScimManagedUsers;
import dev.lucidscim.camel.LucidScimMatchAttribute;
import dev.lucidscim.camel.LucidScimOperation;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code camel.component.lucid-scim.*}: every option of the lucid-scim component, for Spring Boot. An option is null
 * unless the application sets it, and only options that are set reach the component, so a component bean the
 * application defines itself keeps its own settings. {@code LucidScimStarterMetadataTest} checks that this record
 * lists exactly the options of the component's generated catalog JSON. {@code enabled} and {@code customizer.enabled}
 * are read by the auto-configuration's conditions, not from here.
 *
 * @param attributes Comma-separated attributes Lucid should return (id always comes back). Not together with
 *                   excludedAttributes.
 * @param configuration Options shared by every endpoint of the component, as a bean: #beanName or #bean:beanName. It
 *                      replaces the component's whole configuration and is applied before the other options.
 * @param excludedAttributes Comma-separated attributes Lucid should leave out. Not together with attributes.
 * @param filter A SCIM filter for search and the consumer: one eq comparison with a quoted value, on userName,
 *               emails.value, externalId, displayName or a productLicenses flag (the only filters Lucid serves).
 * @param pageSize Resources requested per page when searching or polling (Lucid's filter maximum is 100). The
 *                 component's default: 100.
 * @param pagesInFlight How many pages of a listing (search, the consumer's poll, reconcile) are fetched at once once
 *                      the first page told how many there are; still handed on in order, and checked, falling back
 *                      to page by page on any doubt. 1 reads page by page. Requests in flight are rate times round
 *                      trip: 4 keep a listing at 25 requests/s with 150 ms round trips. The component's default: 4.
 * @param tenantUrl The SCIM base URL of the Lucid tenant. GovSuite (FedRAMP) tenants have their own, such as
 *                  https://ACCOUNT.users.lucidgov.app/scim/v2. The component's default:
 *                  https://users.lucid.app/scim/v2.
 * @param bridgeErrorHandler Allows for bridging the consumer to the Camel routing Error Handler, which mean any
 *                           exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming
 *                           messages, or the likes, will now be processed as a message and handled by the routing
 *                           Error Handler. Important: This is only possible if the 3rd party component allows Camel
 *                           to be alerted if an exception was thrown. Some components handle this internally only,
 *                           and therefore bridgeErrorHandler is not possible. In other situations we may improve the
 *                           Camel component to hook into the 3rd party component and make this possible for future
 *                           releases. By default the consumer will use the org.apache.camel.spi.ExceptionHandler to
 *                           deal with exceptions, that will be logged at WARN or ERROR level and ignored. The
 *                           component's default: false.
 * @param maxMessagesPerPoll The most exchanges one poll emits (0: no limit). Changes beyond it are emitted by the
 *                           next polls; removals are only detected by a poll that read the whole listing.
 * @param mode What the consumer emits each poll: only the changes since the previous poll (with
 *             CamelLucidScimChangeType), or every listed resource (all). The component's default: changes.
 * @param resolveRemoved When a resource disappears from the listing, look it up by id to report deactivated (a
 *                       deactivated user, which Lucid hides from listings) or deleted instead of removed. Costs one
 *                       request per disappearance. The component's default: false.
 * @param trackedAttributes Comma-separated attribute paths whose previous values updated changes carry (header
 *                          CamelLucidScimPrevious). Users: userName, externalId, active, title, and the enterprise
 *                          department and manager by default; groups: displayName, externalId, members.
 * @param allowHardDelete Allow operation=delete on users. Lucid's DELETE is permanent and transfers the user's
 *                        documents; deactivate is the recommended way to remove a user. The component's default:
 *                        false.
 * @param lazyStartProducer Whether the producer should be started lazy (on the first message). By starting lazy you
 *                          can use this to allow CamelContext and routes to startup in situations where a producer
 *                          may otherwise fail during starting and cause the route to fail being started. By deferring
 *                          this startup to be lazy then the startup failure can be handled during routing messages
 *                          via Camel's routing error handlers. Beware that when the first message is processed then
 *                          creating and starting the producer may take a little time and prolong the total processing
 *                          time of the processing. The component's default: false.
 * @param matchAttribute The attribute upsert matches users on: userName (what Entra ID and Okta use) or externalId
 *                       (an HR employee id). Groups always match on displayName. The component's default: userName.
 * @param membersPerPatch The most member values one PATCH of a group's members (adds and removes together), or the
 *                        POST of a new group, carries; more members go in further PATCHes, one after the other. A
 *                        request Lucid refuses as too large (413, or 400 tooMany) is split in two. Lucid documents no
 *                        limit; 100 is the strictest limit other SCIM services document. The component's default:
 *                        100.
 * @param operation The operation to perform; the CamelLucidScimOperation header overrides it per message.
 * @param patchSchemas Comma-separated schemas of PATCH bodies, replacing the RFC's
 *                     urn:ietf:params:scim:api:messages:2.0:PatchOp (Lucid's own examples also list the core resource
 *                     schema).
 * @param adaptiveRate Adapt the rate to Lucid's 429s: start at requestsPerSecond (required), lower the rate to 70% on
 *                     a 429, raise it by 5% of requestsPerSecond after each 10 seconds' worth of answers without one,
 *                     never above requestsPerSecond. Shared by every endpoint of the same tenant and token (adaptive
 *                     if any of them asks). The component's default: false.
 * @param autowiredEnabled Whether autowiring is enabled. This is used for automatic autowiring options (the option
 *                         must be marked as autowired) by looking up in the registry to find if there is a single
 *                         instance of matching type, which then gets configured on the component. This can be used
 *                         for automatic configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
 *                         The component's default: true.
 * @param connectTimeout The longest wait for a connection to Lucid. The component's default: 10s. A number alone
 *                       counts milliseconds; 10s, 2m or PT30S also work.
 * @param httpClient A java.net.http.HttpClient to use as is, instead of one built from these options (connectTimeout,
 *                   proxy and sslContextParameters then do not apply). It must not follow redirects (a redirect
 *                   would carry the bearer token to another host): one that does is refused at start. A bean:
 *                   #beanName or #bean:beanName.
 * @param maxConnections The most requests in flight to the tenant at once from endpoints sharing a connection (and so
 *                       the connection pool size over HTTP/1.1). The component's default: 20.
 * @param maxListingSize The most resources one listing (search, the consumer's poll, reconcile) may hold; a server
 *                       whose pages never end fails the listing with ScimInvalidResponseException instead of
 *                       filling the heap. Raise it for a larger directory. The component's default: 1000000.
 * @param maxResponseSize The largest response body accepted, in bytes; a larger one fails with
 *                        ScimInvalidResponseException instead of filling the heap. The component's default: 16777216.
 * @param maxRetries Retries after the first attempt on 429, 503, I/O errors, and (for requests that are safe to
 *                   repeat) 502 and 504. 0 turns retrying off. A create that may have reached Lucid is never
 *                   replayed. The component's default: 5.
 * @param readTimeout The longest wait for Lucid's complete response once a request is sent; a server that trickles
 *                    bytes is cut off here. The component's default: 30s. A number alone counts milliseconds; 10s, 2m
 *                    or PT30S also work.
 * @param requestsPerSecond Client-side rate limit in requests per second, shared by every endpoint of the same tenant
 *                          and token (the lowest configured value holds). Requests are paced, one every 1/rate
 *                          seconds, never sent in a burst. 0 means no limit. The component's default: 0.0.
 * @param retryInitialDelay The backoff before the first retry; it doubles for each further retry, with jitter. A
 *                          Retry-After from Lucid replaces it. The component's default: 500ms. A number alone counts
 *                          milliseconds; 10s, 2m or PT30S also work.
 * @param retryMaxDelay The longest backoff between two attempts. The component's default: 30s. A number alone counts
 *                      milliseconds; 10s, 2m or PT30S also work.
 * @param retryMaxElapsed The longest time spent retrying one request; a wait that would end later is not started. The
 *                        component's default: 2m. A number alone counts milliseconds; 10s, 2m or PT30S also work.
 * @param stateKey The prefix of the consumer's (and reconcile's and the producer's) keys in the state repository:
 *                 endpoints with the same one share the deactivated users they know. By default derived from the
 *                 tenant, resource and filter; set it when endpoints sharing a repository must be told apart
 *                 otherwise, or share state although their filters differ, or to keep the state when the filter
 *                 changes.
 * @param stateRepository Where the consumer keeps what it has seen, so that a restart (or another cluster member)
 *                        continues the change feed, and where reconcile and the producer find the deactivated users
 *                        Lucid hides: reconcile and upsert reactivate a rehire found there, deactivate and upsert
 *                        remember whom they deactivate. A FileStateRepository for one durable node, a shared one
 *                        (such as JdbcStateRepository) for several. In memory by default, which the consumer and
 *                        reconcile use for the endpoint's lifetime; upsert and deactivate use only a configured one.
 *                        A bean: #beanName or #bean:beanName.
 * @param healthCheckConsumerEnabled Used for enabling or disabling all consumer based health checks from this
 *                                   component. The component's default: true.
 * @param healthCheckProducerEnabled Used for enabling or disabling all producer based health checks from this
 *                                   component. Notice: Camel has by default disabled all producer based health-
 *                                   checks. You can turn on producer checks globally by setting
 *                                   camel.health.producersEnabled=true. The component's default: true.
 * @param proxyHost The host of an HTTP proxy to reach Lucid through.
 * @param proxyPassword The password for the proxy.
 * @param proxyPort The port of the HTTP proxy.
 * @param proxyUsername The user name for the proxy, if it asks for one.
 * @param dryRun Reconcile plans and reports, and writes nothing. The component's default: false.
 * @param managedFilter With managedUsers=filter: one attribute eq value comparison (a JSON value: quote strings),
 *                      evaluated on the listed users.
 * @param managedUsers Which Lucid users reconcile may deactivate when the roster lacks them: all, those with an
 *                     externalId (so that accounts created by hand are never touched), or those matching
 *                     managedFilter. The component's default: all.
 * @param maxDeactivationPercent The largest share of managed users, in percent, one reconcile may deactivate; beyond
 *                               it nothing at all is applied. A negative value turns the check off. The component's
 *                               default: 10.0.
 * @param maxDeactivations The most managed users one reconcile may deactivate; beyond it nothing at all is applied.
 *                         No limit when unset (maxDeactivationPercent still applies).
 * @param reconcileConcurrency How many of reconcile's writes are in flight at once (the rate limit applies to each).
 *                             The component's default: 4.
 * @param excludedGroups Comma-separated displayNames of groups reconcile never creates nor changes, even when the
 *                       roster names them (Lucid asks admins to exclude an identity provider's "All Users" group).
 * @param allowInsecureHttp Allow plain http:// to a host that is not loopback. Off by default: the token would cross
 *                          the network in clear text. The component's default: false.
 * @param bearerToken The SCIM bearer token a Lucid admin generates in Lucid (Admin, App Integration, SCIM, Settings).
 *                    Required. Give it from the environment, such as ${LUCID_SCIM_TOKEN}, never in a file.
 * @param sslContextParameters TLS settings (trust store, key store, protocols) for the connection to Lucid; the JVM's
 *                             defaults otherwise. Hostname verification always applies. A bean: #beanName or
 *                             #bean:beanName.
 */
@ConfigurationProperties(prefix = "camel.component.lucid-scim")
public record LucidScimComponentConfiguration(
        String attributes,
        LucidScimConfiguration configuration,
        String excludedAttributes,
        String filter,
        Integer pageSize,
        Integer pagesInFlight,
        String tenantUrl,
        Boolean bridgeErrorHandler,
        Integer maxMessagesPerPoll,
        LucidScimConsumerMode mode,
        Boolean resolveRemoved,
        String trackedAttributes,
        Boolean allowHardDelete,
        Boolean lazyStartProducer,
        LucidScimMatchAttribute matchAttribute,
        Integer membersPerPatch,
        LucidScimOperation operation,
        String patchSchemas,
        Boolean adaptiveRate,
        Boolean autowiredEnabled,
        @DurationUnit(ChronoUnit.MILLIS) Duration connectTimeout,
        HttpClient httpClient,
        Integer maxConnections,
        Integer maxListingSize,
        Long maxResponseSize,
        Integer maxRetries,
        @DurationUnit(ChronoUnit.MILLIS) Duration readTimeout,
        Double requestsPerSecond,
        @DurationUnit(ChronoUnit.MILLIS) Duration retryInitialDelay,
        @DurationUnit(ChronoUnit.MILLIS) Duration retryMaxDelay,
        @DurationUnit(ChronoUnit.MILLIS) Duration retryMaxElapsed,
        String stateKey,
        StateRepository<String, String> stateRepository,
        Boolean healthCheckConsumerEnabled,
        Boolean healthCheckProducerEnabled,
        String proxyHost,
        String proxyPassword,
        Integer proxyPort,
        String proxyUsername,
        Boolean dryRun,
        String managedFilter,
        LucidScimManagedUsers managedUsers,
        Double maxDeactivationPercent,
        Integer maxDeactivations,
        Integer reconcileConcurrency,
        String excludedGroups,
        Boolean allowInsecureHttp,
        String bearerToken,
        SSLContextParameters sslContextParameters) {

    /** The options the application set, by name: what the component gets. */
    Map<String, Object> setOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        for (RecordComponent option : LucidScimComponentConfiguration.class.getRecordComponents()) {
            try {
                Object value = option.getAccessor().invoke(this);
                if (value != null) {
                    options.put(option.getName(), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read the option " + option.getName(), e);
            }
        }
        return options;
    }

    /** The names of the options set, never their values: the record holds the bearer token. */
    @Override
    public String toString() {
        return "LucidScimComponentConfiguration" + setOptions().keySet();
    }
}
