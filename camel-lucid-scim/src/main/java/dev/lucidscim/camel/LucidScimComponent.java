package dev.lucidscim.camel;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

import dev.lucidscim.client.ScimConnectionRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.util.URISupport;

/**
 * The {@code lucid-scim} component. Options set here are the defaults of every endpoint; endpoints of the same tenant
 * and token share HTTP connections and the rate limit through the component.
 */
@Component("lucid-scim")
public class LucidScimComponent extends HealthCheckComponent {

    @Metadata(description = "Options shared by every endpoint of the component, as one LucidScimConfiguration. "
                            + "Setting it replaces the component's whole configuration, options set before included "
                            + "(the Spring Boot starter applies it before the other options).")
    private LucidScimConfiguration configuration = new LucidScimConfiguration();

    private final ScimConnectionRegistry connections = new ScimConnectionRegistry();
    /** One SSLContext per parameters object, so that endpoints sharing the parameters can share a connection. */
    private final Map<SSLContextParameters, SSLContext> sslContexts = new IdentityHashMap<>();
    /** The attributes tenants do not keep, for endpoints without a configured state repository. */
    private final StateRepository<String, String> ignoredAttributes = new MemoryStateRepository();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LucidScimResource resource = Arrays.stream(LucidScimResource.values())
                .filter(candidate -> candidate.toString().equals(remaining.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown resource '" + remaining + "' in "
                                                                + URISupport.sanitizeUri(uri)
                                                                + ": use lucid-scim:users or lucid-scim:groups"));
        LucidScimEndpoint endpoint = new LucidScimEndpoint(uri, this, resource, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public LucidScimConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LucidScimConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Where endpoints without a configured state repository remember ignored attributes: for the component's life. */
    StateRepository<String, String> ignoredAttributesMemory() {
        return ignoredAttributes;
    }

    ScimConnectionRegistry connections() {
        return connections;
    }

    synchronized SSLContext sslContextFor(SSLContextParameters parameters) throws Exception {
        SSLContext context = sslContexts.get(parameters);
        if (context == null) {
            context = parameters.createSSLContext(getCamelContext());
            sslContexts.put(parameters, context);
        }
        return context;
    }
}
