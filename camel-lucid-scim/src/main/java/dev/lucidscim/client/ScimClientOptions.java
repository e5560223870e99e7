package dev.lucidscim.client;

import java.time.Duration;
import java.util.List;

import dev.lucidscim.model.PatchRequest;

/**
 * Per-client settings, which endpoints sharing a connection may set differently.
 *
 * @param retryPolicy  what is retried and for how long
 * @param readTimeout  the longest wait for a complete response once a request is sent
 * @param patchSchemas the {@code schemas} of PATCH bodies (the RFC's PatchOp URN by default)
 */
public record ScimClientOptions(RetryPolicy retryPolicy, Duration readTimeout, List<String> patchSchemas) {

    public static final ScimClientOptions DEFAULT
            = new ScimClientOptions(RetryPolicy.DEFAULT, Duration.ofSeconds(30), PatchRequest.DEFAULT_SCHEMAS);

    public ScimClientOptions {
        if (readTimeout == null || readTimeout.isZero() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("readTimeout must be positive, not " + readTimeout);
        }
        patchSchemas = patchSchemas == null || patchSchemas.isEmpty() ? PatchRequest.DEFAULT_SCHEMAS
                : List.copyOf(patchSchemas);
    }
}
