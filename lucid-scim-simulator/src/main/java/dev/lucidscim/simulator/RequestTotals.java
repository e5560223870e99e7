package dev.lucidscim.simulator;

/**
 * How many requests the simulator received since it started (or was reset), counted as they arrive, so the older
 * requests a bounded {@link RequestLog} let go still count.
 *
 * @param requests every request, whatever its method and answer
 * @param gets     the GETs among them, whatever the answer
 * @param writes   the POSTs, PUTs, PATCHes and DELETEs among them, whatever the answer
 * @param limited  those answered 429, by the rate limit or by a fault rule
 */
public record RequestTotals(long requests, long gets, long writes, long limited) {

    /** {@code served N requests: G GET, W writes, R answered 429}: what the standalone simulator prints on exit. */
    public String summary() {
        return "served " + requests + " requests: " + gets + " GET, " + writes + " writes, " + limited
               + " answered 429";
    }
}
