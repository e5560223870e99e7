package dev.lucidscim.camel.producer.plan;

import java.util.function.Supplier;

import dev.lucidscim.error.ScimException;
import dev.lucidscim.model.ServiceProviderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the tenant advertises ETags ({@code /ServiceProviderConfig} {@code etag.supported}), read the first time a
 * plan is applied and kept for the endpoint's life. Where it does, a planned write carries {@code If-Match}; where it
 * does not (or the configuration cannot be read), the resource is read before it is written and compared.
 */
public final class TenantVersions {

    private static final Logger LOG = LoggerFactory.getLogger(TenantVersions.class);

    private final Supplier<ServiceProviderConfig> configuration;
    private volatile Boolean advertised;

    public TenantVersions(Supplier<ServiceProviderConfig> configuration) {
        this.configuration = configuration;
    }

    public boolean advertised() {
        Boolean known = advertised;
        if (known == null) {
            synchronized (this) {
                if (advertised == null) {
                    advertised = read();
                }
                known = advertised;
            }
        }
        return known;
    }

    private boolean read() {
        try {
            ServiceProviderConfig config = configuration.get();
            boolean supported = config.etag() != null && Boolean.TRUE.equals(config.etag().supported());
            LOG.info("The tenant {} ETags: planned writes {}", supported ? "advertises" : "does not advertise",
                    supported ? "carry If-Match" : "read the resource first and compare");
            return supported;
        } catch (ScimException e) {
            LOG.warn("Could not read the tenant's ServiceProviderConfig ({}): planned writes read the resource first "
                     + "and compare", e.getMessage());
            return false;
        }
    }
}
