package dev.lucidscim.error;

/**
 * No HTTP answer: connection refused or dropped, TLS failure, timeout. {@link #mayHaveReachedServer()} tells
 * whether the request may have been processed anyway (a create that is then not replayed blindly).
 */
public class ScimTransportException extends ScimException {

    private final boolean mayHaveReachedServer;

    public ScimTransportException(String message, boolean mayHaveReachedServer, FailedRequest request,
                                  Throwable cause) {
        super(message, request, cause);
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }
}
