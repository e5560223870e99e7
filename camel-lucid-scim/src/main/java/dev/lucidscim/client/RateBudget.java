package dev.lucidscim.client;

/**
 * Where the requests per second of a tenant come from when several processes (nodes) send to it: one budget they all
 * draw from, so that N nodes configured with {@code requestsPerSecond=R} send R per second between them, not N x R.
 * Without one (the default), each JVM paces its own requests ({@link RateLimiter}'s slots, the limit per process).
 * <p>
 * The tenant's {@link RateLimiter} calls {@link #take} for every request while a rate is set, after any hold of a
 * {@code Retry-After} (which stays per process). The rate passed is the one in force on the calling node: with the
 * adaptive rate, an implementation applies a changed rate to the shared budget, so that what one node learnt from a
 * 429 slows every node (see {@link dev.lucidscim.jdbc.PostgresRateBudget}).
 */
public interface RateBudget {

    /**
     * Blocks until one more request to the tenant fits the shared budget.
     *
     * @param tenant    the tenant's host and port: one budget per tenant
     * @param perSecond the rate in force on this node, positive
     * @return how long it waited, in nanoseconds
     * @throws InterruptedException the thread was interrupted while waiting: no request may be sent
     */
    long take(String tenant, double perSecond) throws InterruptedException;
}
