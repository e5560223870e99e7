package dev.lucidscim.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/**
 * Reads request bodies up to a size cap. A body declared larger ({@code Content-Length}) is refused without reading a
 * byte of it; a chunked one is read to one byte past the cap at most.
 */
final class RequestBodyReader {

    private final int maxBytes;

    RequestBodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    /** The body, or empty when it is larger than the cap. */
    Optional<byte[]> read(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        // The JDK server has already refused a Content-Length that is not a number or is negative.
        if (declared != null && Long.parseLong(declared.trim()) > maxBytes) {
            return Optional.empty();
        }
        byte[] body = readAtMost(exchange.getRequestBody(), maxBytes + 1);
        return body.length > maxBytes ? Optional.empty() : Optional.of(body);
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read = 0;
        // Never a read of 0 bytes (as InputStream.readNBytes ends with): a chunked body waits for another chunk.
        while (body.size() < limit && read != -1) {
            read = in.read(buffer, 0, Math.min(buffer.length, limit - body.size()));
            if (read > 0) {
                body.write(buffer, 0, read);
            }
        }
        return body.toByteArray();
    }

    /** Whether the request comes with a body (which the handler may leave unread). */
    static boolean hasBody(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        return exchange.getRequestHeaders().containsKey("Transfer-Encoding")
               || declared != null && !declared.trim().equals("0");
    }
}
