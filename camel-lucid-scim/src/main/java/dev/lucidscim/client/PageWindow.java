package dev.lucidscim.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lucidscim.error.FailedRequest;
import dev.lucidscim.error.ScimTransportException;
import dev.lucidscim.model.ListResponse;

/**
 * The page requests of one listing that are in flight or answered and not yet taken: at most {@code capacity}, each
 * on a thread of its own, taken in the order they were asked whatever order they are answered in. Closing it drops
 * those not taken: a request not sent yet is not sent, one in flight is let finish (a round trip, within
 * {@link #ANSWER_GRACE_MILLIS}), so that no request of the listing reaches Lucid after the listing has returned; one
 * that takes longer (a retry waiting out {@code Retry-After}) is interrupted.
 */
final class PageWindow<T> implements AutoCloseable {

    /** Longer than a round trip to a SaaS tenant (100 to 300 ms), short enough not to hold up a stop. */
    static final long ANSWER_GRACE_MILLIS = 2_000;

    /** A page asked for and its answer to come. */
    record Requested<T>(SearchQuery query, Future<ListResponse<T>> answer) {
    }

    /** A page taken from the window: the query it answers and the page. */
    record Answered<T>(SearchQuery query, ListResponse<T> page) {
    }

    private final Function<SearchQuery, ListResponse<T>> fetch;
    private final int capacity;
    private final String path;
    private final ExecutorService workers;
    private final Deque<Requested<T>> requested = new ArrayDeque<>();

    /**
     * @param fetch    sends one page request (through the request executor: rate limit and retries apply)
     * @param capacity the most pages in flight or held
     * @param path     the listed path, for failures
     */
    PageWindow(Function<SearchQuery, ListResponse<T>> fetch, int capacity, String path) {
        this.fetch = fetch;
        this.capacity = capacity;
        this.path = path;
        this.workers = Executors.newFixedThreadPool(capacity, task -> {
            Thread thread = new Thread(task, "lucid-scim-listing");
            thread.setDaemon(true);
            return thread;
        });
    }

    boolean hasRoom() {
        return requested.size() < capacity;
    }

    boolean isEmpty() {
        return requested.isEmpty();
    }

    /** Sends the request on a thread of the window's own; only while {@link #hasRoom()}. */
    void request(SearchQuery query) {
        requested.add(new Requested<>(query, workers.submit(() -> fetch.apply(query))));
    }

    /** Waits for the oldest request's answer and takes it; its failure is thrown as it was. */
    Answered<T> takeOldest() {
        Requested<T> oldest = requested.remove();
        try {
            return new Answered<>(oldest.query(), oldest.answer().get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScimTransportException("Interrupted while waiting for a page of the listing", true,
                    FailedRequest.unanswered("GET", path), e);
        }
    }

    @Override
    public void close() {
        requested.forEach(pending -> pending.answer().cancel(false));
        requested.clear();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(ANSWER_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
