package dev.lucidscim.error;

import java.time.Duration;

/** Lucid kept answering 429 until the retry budget (count or total time) was spent. */
public class ScimRateLimitedException extends ScimException {

    private final Duration retryAfter;

    public ScimRateLimitedException(String message, Duration retryAfter, FailedRequest request) {
        super(message, request, null);
        this.retryAfter = retryAfter;
    }

    /** The wait the last answer asked for ({@code Retry-After}), or null if it named none. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
