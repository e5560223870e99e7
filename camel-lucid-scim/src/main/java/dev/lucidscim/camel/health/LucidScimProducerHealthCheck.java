package dev.lucidscim.camel.health;

import java.util.Map;

import dev.lucidscim.camel.LucidScimEndpoint;
import dev.lucidscim.client.ScimClient;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimRateLimitedException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Whether Lucid answers this endpoint, with its token: one search for a single user's id, without retries and with a
 * short read timeout, so that a probe answers quickly. UP when Lucid answers (a rate limit still means reachable and
 * authorised), DOWN with the status and the component's message otherwise. Details carry the tenant URL and the
 * status, never the token.
 */
public final class LucidScimProducerHealthCheck extends AbstractHealthCheck {

    public static final String TENANT_URL = "lucid.tenant.url";
    private static final SearchQuery ONE_USER_ID = new SearchQuery(null, "id", null, 1, 1);

    private final LucidScimEndpoint endpoint;

    public LucidScimProducerHealthCheck(LucidScimEndpoint endpoint, String endpointId) {
        super("camel", "producer:lucid-scim-" + endpointId);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        // Lucid being down does not make this application need a restart.
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail(TENANT_URL, endpoint.getConfiguration().getTenantUrl());
        ScimClient probe = endpoint.getHealthProbeClient();
        if (probe == null) {
            builder.down().message("The endpoint is not started");
            return;
        }
        try {
            probe.users().searchPage(ONE_USER_ID);
            builder.up();
        } catch (ScimRateLimitedException e) {
            builder.detail(HealthCheck.HTTP_RESPONSE_CODE, e.getStatus());
            builder.up().message("Lucid is reachable and accepts the token, and rate-limits this client for now");
        } catch (ScimException e) {
            builder.detail(HealthCheck.HTTP_RESPONSE_CODE, e.getStatus());
            builder.down().message(e.getMessage()).error(e);
        }
    }
}
