package dev.lucidscim.simulator;

import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;

/**
 * One of the SCIM integrations a Lucid account offers, chosen by the bearer token a request carries: the token, the
 * groups its {@code /Groups} holds, the SCIM library's endpoint serving them, and the token's own rate limit (null:
 * none).
 */
record TokenIntegration(String token, GroupKind groups, ResourceEndpoint endpoint, RateLimit rateLimit) {
}
