package dev.lucidscim.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory but fails, and cancels the download, once it passes a size limit or a
 * deadline: a broken or hostile server can neither exhaust the heap nor hold a thread by trickling bytes.
 * ({@link java.net.http.HttpRequest#timeout} only bounds the wait for the headers.)
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]>, ResponseDeadlines.Watched {

    /** Thrown (as the response's failure) when a body is larger than the limit. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(long limit) {
            super("response body larger than the limit of " + limit + " bytes (maxResponseSize)");
        }
    }

    private final long limit;
    private final Duration deadline;
    private final long deadlineNanos;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    BoundedBodySubscriber(long limit, Duration deadline) {
        this.limit = limit;
        this.deadline = deadline;
        this.deadlineNanos = System.nanoTime() + deadline.toNanos();
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit, Duration deadline) {
        return responseInfo -> new BoundedBodySubscriber(limit, deadline);
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public void expire() {
        if (body.completeExceptionally(new HttpTimeoutException("the response body did not arrive within the read "
                                                                + "timeout of " + deadline))) {
            subscription.cancel();
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        ResponseDeadlines.watch(this);
        body.whenComplete((bytes, failure) -> ResponseDeadlines.release(this));
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (received.size() + (long) buffer.remaining() > limit) {
                subscription.cancel();
                body.completeExceptionally(new ResponseTooLargeException(limit));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            received.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public synchronized void onComplete() {
        body.complete(received.toByteArray());
    }
}
