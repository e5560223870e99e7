package dev.lucidscim.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import dev.lucidscim.client.BoundedBodySubscriber.ResponseTooLargeException;
import dev.lucidscim.error.FailedRequest;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.error.ScimRateLimitedException;
import dev.lucidscim.error.ScimTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request until it succeeds, fails for good, or the retry budget is spent; this is the one place that
 * decides what is retried:
 * <ul>
 * <li>429 and 503: always (the server did not process the request), waiting for {@code Retry-After} if given. A
 * 429's {@code Retry-After} holds every other request of the tenant too ({@link RateLimiter}); one that would wait for
 * it past its own retry budget fails at once, unsent, as {@link ScimRateLimitedException};</li>
 * <li>502 and 504: idempotent requests only (a gateway may have passed a create on before failing);</li>
 * <li>I/O errors: when the request cannot have reached the server (connection refused, connect timeout), or when
 * it may have but is idempotent. A POST that may have reached Lucid is never replayed: it fails with
 * {@link ScimTransportException#mayHaveReachedServer()} true;</li>
 * <li>TLS failures and oversized responses: never (retrying cannot help).</li>
 * </ul>
 */
final class ScimRequestExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ScimRequestExecutor.class);

    private final ScimConnection connection;
    private final RetryPolicy retryPolicy;
    private final Duration readTimeout;

    ScimRequestExecutor(ScimConnection connection, RetryPolicy retryPolicy, Duration readTimeout) {
        this.connection = connection;
        this.retryPolicy = retryPolicy;
        this.readTimeout = readTimeout;
    }

    /** Returns the 2xx response, or throws the {@link ScimException} that says why there is none. */
    ScimHttpResponse execute(ScimRequest request) {
        long firstAttemptStart = System.nanoTime();
        for (int attempt = 1;; attempt++) {
            long attemptStart = System.nanoTime();
            ScimHttpResponse response;
            try {
                response = connection.send(request, readTimeout, remaining(since(firstAttemptStart)));
            } catch (RateLimiter.HoldTooLongException e) {
                throw heldTooLong(request, e.remaining());
            } catch (ResponseTooLargeException e) {
                throw new ScimInvalidResponseException("Lucid's response is larger than the maxResponseSize of "
                                                       + connection.settings().maxResponseBytes() + " bytes: raise "
                                                       + "maxResponseSize if answers this large are expected",
                        FailedRequest.unanswered(request.method(), request.path()), e);
            } catch (IOException e) {
                boolean mayHaveReachedServer = mayHaveReachedServer(e);
                boolean retryable = !(e instanceof SSLException) && (!mayHaveReachedServer || request.idempotent());
                Optional<Duration> wait = retryable
                        ? retryPolicy.nextDelay(attempt, null, since(firstAttemptStart)) : Optional.empty();
                if (wait.isEmpty()) {
                    throw transportFailure(request, e, mayHaveReachedServer, attempt);
                }
                LOG.info("{} {} failed ({}); retrying in {} ms (attempt {} of {})", request.method(), request.path(),
                        describe(e, request), wait.get().toMillis(), attempt + 1, retryPolicy.maxRetries() + 1);
                connection.statistics().retried();
                pause(wait.get(), request);
                continue;
            } catch (IllegalArgumentException e) {
                throw notBuilt(request, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScimTransportException("Interrupted while waiting for Lucid's answer; the request may have "
                                                 + "been applied", true,
                        FailedRequest.unanswered(request.method(), request.path()), e);
            }
            LOG.debug("{} {} -> {} in {} ms (attempt {})", request.method(), request.path(), response.status(),
                    since(attemptStart).toMillis(), attempt);
            if (response.isSuccess()) {
                return response;
            }
            if (isRetryable(response.status(), request)) {
                Duration retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"), Instant.now());
                Optional<Duration> wait = retryPolicy.nextDelay(attempt, retryAfter, since(firstAttemptStart));
                if (wait.isPresent()) {
                    LOG.info("{} {} answered {}{}; retrying in {} ms (attempt {} of {})", request.method(),
                            request.path(), response.status(), retryAfter != null ? " with Retry-After" : "",
                            wait.get().toMillis(), attempt + 1, retryPolicy.maxRetries() + 1);
                    connection.statistics().retried();
                    if (retryAfter != null) {
                        connection.statistics().waitedForRetryAfter(wait.get().toNanos());
                    }
                    pause(wait.get(), request);
                    continue;
                }
            }
            throw ScimErrorMapper.toException(request, response, attempt);
        }
    }

    /** What is left of the retry budget: the longest this request may still wait for another request's hold. */
    private Duration remaining(Duration elapsed) {
        Duration left = retryPolicy.maxElapsed().minus(elapsed);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Another request's 429 holds the tenant for longer than this one may wait: it fails as that 429 would have. */
    private static ScimRateLimitedException heldTooLong(ScimRequest request, Duration holdLeft) {
        return new ScimRateLimitedException("Lucid is rate limiting this tenant: a 429 to another request asked every "
                                            + "request to wait " + holdLeft.toMillis() + " ms more (Retry-After), "
                                            + "beyond this request's retry budget (retryMaxElapsed), so "
                                            + request.method() + " " + request.path() + " was not sent: send it "
                                            + "again later, or lower requestsPerSecond or the route's concurrency",
                holdLeft, FailedRequest.NOT_SENT);
    }

    private static boolean isRetryable(int status, ScimRequest request) {
        return status == 429 || status == 503 || (status == 502 || status == 504) && request.idempotent();
    }

    /** Connection refused, unknown host and connect timeouts happen before a byte of the request is sent. */
    private static boolean mayHaveReachedServer(IOException e) {
        return !(e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                 || e instanceof UnknownHostException || e.getCause() instanceof ConnectException);
    }

    private ScimTransportException transportFailure(ScimRequest request, IOException e, boolean mayHaveReachedServer,
                                                    int attempts) {
        String message;
        if (e instanceof SSLException) {
            message = "TLS with " + connection.tenantUrl() + " failed (" + describe(e, request) + "): check the server "
                      + "certificate and the trust store given by sslContextParameters";
        } else if (!mayHaveReachedServer) {
            message = "Could not connect to " + connection.tenantUrl() + " after " + attempts + " attempt(s) ("
                      + describe(e, request) + "): check tenantUrl, the network and the proxy settings";
        } else if (!request.idempotent()) {
            message = "The connection failed after the request was sent (" + describe(e, request) + "), so Lucid may have "
                      + "applied it; it was not replayed: look the resource up before creating it again";
        } else if (e instanceof HttpTimeoutException) {
            message = "Lucid did not answer within the read timeout of " + readTimeout.toMillis() + " ms after "
                      + attempts + " attempt(s): raise readTimeout or try again later";
        } else {
            message = "The connection to Lucid failed after " + attempts + " attempt(s) (" + describe(e, request) + ")";
        }
        // A TLS failure's text is the JDK's own about certificates; any other I/O error may quote the server.
        Throwable cause = e instanceof SSLException ? e : serverText(request).redacted(e);
        return new ScimTransportException(message, mayHaveReachedServer,
                FailedRequest.unanswered(request.method(), request.path()), cause);
    }

    /**
     * The JDK validates headers and the URL while building or sending; its message would quote the header, the
     * token included. The token is checked when it is set, so this is a guard: the failure leaves typed and clean.
     */
    private ScimTransportException notBuilt(ScimRequest request, IllegalArgumentException e) {
        return new ScimTransportException("The request could not be built (" + serverText(request).clean(
                e.getMessage()) + "): check tenantUrl and bearerToken for characters that are not allowed", false,
                FailedRequest.unanswered(request.method(), request.path()), serverText(request).redacted(e));
    }

    private ServerText serverText(ScimRequest request) {
        return ServerText.of(connection.settings().token(), request);
    }

    private static void pause(Duration wait, ScimRequest request) {
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScimTransportException("Interrupted while waiting to retry", false,
                    FailedRequest.unanswered(request.method(), request.path()), e);
        }
    }

    /** The JDK's message may quote the server (an invalid status line, say): it passes {@link ServerText}. */
    private String describe(IOException e, ScimRequest request) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
               + serverText(request).clean(e.getMessage());
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }
}
