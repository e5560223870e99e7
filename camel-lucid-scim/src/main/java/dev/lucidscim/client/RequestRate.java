package dev.lucidscim.client;

/**
 * How fast an endpoint asks the client to send to its tenant: a rate in requests per second (0 for no client-side
 * limit) and whether that rate adapts to the tenant's 429s (see {@link AdaptiveRate}). Endpoints of one tenant and
 * token share one {@link RateLimiter}; when they ask differently the most cautious holds: the lowest rate, adaptive if
 * any of them is.
 *
 * @param perSecond the rate; 0 for none
 * @param adaptive  whether the rate is lowered on a 429 and raised again slowly, never above {@code perSecond}
 * @param budget    the budget shared with other nodes that {@code perSecond} is drawn from, or null to pace this
 *                  process alone
 */
public record RequestRate(double perSecond, boolean adaptive, RateBudget budget) {

    public static final RequestRate NONE = new RequestRate(0, false);

    public RequestRate {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be 0 (no limit) or a positive number, not "
                                               + perSecond);
        }
        if (adaptive && perSecond == 0) {
            throw new IllegalArgumentException("adaptiveRate needs requestsPerSecond: the rate it starts at and never "
                                               + "exceeds, such as requestsPerSecond=25");
        }
        if (budget != null && perSecond == 0) {
            throw new IllegalArgumentException("rateBudget needs requestsPerSecond: the rate every node that shares "
                                               + "the budget sends at in all, such as requestsPerSecond=25");
        }
    }

    /** A rate of this process alone. */
    public RequestRate(double perSecond, boolean adaptive) {
        this(perSecond, adaptive, null);
    }

    /** A fixed rate, 0 for none. */
    public static RequestRate of(double perSecond) {
        return new RequestRate(perSecond, false);
    }
}
