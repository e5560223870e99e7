package dev.lucidscim.simulator;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTP/1.1 connection to the simulator on a plain socket, for what an HTTP client will not send: a forged
 * {@code Host}, a body announced but never sent, chunks past a cap, a request trickled byte by byte.
 */
final class RawHttp implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to the simulator on loopback; a read waits 10 s at the most. */
    static RawHttp connect(LucidScimSimulator simulator) throws IOException {
        Socket socket = new Socket("127.0.0.1", simulator.port());
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return new RawHttp(socket);
    }

    /** The request line and headers of a request to a path below the base path, up to the empty line. */
    static String head(String method, String path, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(LucidScimSimulator.DEFAULT_BASE_PATH)
                .append(path).append(" HTTP/1.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends one chunk of a chunked body ({@code ""} ends the body). */
    RawHttp chunk(String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        return send(Integer.toHexString(bytes.length) + "\r\n" + data + "\r\n");
    }

    /** Says that nothing more will be sent (the simulator then sees the end of the stream). */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one answer: status line, headers and a body of {@code Content-Length} bytes. */
    Response readResponse() throws IOException {
        String statusLine = line();
        Map<String, String> headers = new HashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
    }

    /** Whether the simulator closes the connection within the time (its end of stream, or a reset). */
    boolean closedBySimulatorWithin(Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the connection ended in the middle of an answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    record Response(int status, Map<String, String> headers, String body) {

        JsonNode json() throws IOException {
            return ScimClient.JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
