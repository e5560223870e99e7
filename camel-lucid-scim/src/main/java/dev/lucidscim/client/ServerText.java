package dev.lucidscim.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.lucidscim.error.OneLine;
import dev.lucidscim.model.Passwords;
import dev.lucidscim.model.ScimJson;

/**
 * The one gate for text that comes from the server (an error's {@code detail} and {@code scimType}, a plain-text
 * body, a parse error quoting the body, an I/O error quoting a status line) on its way into an exception or a log
 * line. A server may echo what it was sent, so the bearer token and any password of the request are masked first,
 * on the whole text; then the text is put on one line and cut, so that neither a padded body nor a cut can leave a
 * secret half visible.
 */
final class ServerText {

    private static final String MASK = "****";

    private final BearerToken token;
    private final byte[] requestBody;
    private List<String> passwords;

    private ServerText(BearerToken token, byte[] requestBody) {
        this.token = token;
        this.requestBody = requestBody;
    }

    static ServerText of(BearerToken token, ScimRequest request) {
        return new ServerText(token, request.body());
    }

    /**
     * The text with every secret masked, then white space folded and what is left of control characters escaped (one
     * line), then cut to {@link OneLine#DEFAULT_MAX_LENGTH} characters; null stays null.
     */
    String clean(String text) {
        if (text == null) {
            return null;
        }
        String masked = token.redact(text);
        for (String password : passwords()) {
            masked = masked.replace(password, MASK);
        }
        return OneLine.of(masked.replaceAll("\\s+", " ").strip());
    }

    /**
     * The exception as it may be kept as a cause: itself when no message in its chain changes by {@link #clean},
     * else a copy of the chain with clean messages (type names and stack traces kept), since Camel prints causes
     * whole in its error log.
     */
    Throwable redacted(Throwable failure) {
        if (isClean(failure)) {
            return failure;
        }
        RedactedCause copy = new RedactedCause(failure.getClass().getName() + ": " + clean(failure.getMessage()),
                failure.getCause() == null ? null : redacted(failure.getCause()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private boolean isClean(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().equals(clean(t.getMessage()))) {
                return false;
            }
        }
        return true;
    }

    /** Stands for a cause whose message quoted the server: the original type is named in the message. */
    static final class RedactedCause extends IOException {
        RedactedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Read from the request body only when server text is cleaned, which happens on failures. */
    private List<String> passwords() {
        if (passwords == null) {
            passwords = new ArrayList<>();
            if (requestBody != null && requestBody.length > 0) {
                try {
                    Passwords.in(ScimJson.readTree(requestBody)).stream().filter(password -> !password.isEmpty())
                            .forEach(passwords::add);
                } catch (IOException | RuntimeException notJson) {
                    // the component writes every body it sends, so this cannot happen; nothing to mask then
                }
            }
        }
        return passwords;
    }
}
