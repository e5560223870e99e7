package dev.lucidscim.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback server that answers as Lucid would but does no work: a create gets 201 and a small user, a listing gets
 * a generated page of a directory of a given size. Used where the simulator itself would be the bottleneck, so that
 * the figures measure the clients.
 */
final class CannedScimServer implements AutoCloseable {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong(1000);
    private final int directorySize;

    CannedScimServer(int directorySize) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.directorySize = directorySize;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(64, task -> {
            Thread thread = new Thread(task, "canned-scim");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/scim/v2/Users", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2";
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestMethod().equals("POST")) {
            send(exchange, 201, user(ids.incrementAndGet()));
        } else {
            String query = exchange.getRequestURI().getRawQuery();
            send(exchange, 200, page(parameter(query, "startIndex", 1), parameter(query, "count", 100)));
        }
    }

    /** User n of the generated directory. */
    static String user(long n) {
        return "{\"schemas\":[\"" + USER_SCHEMA + "\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],"
               + "\"id\":\"lucid-" + n + "\",\"userName\":\"user" + n + "@example.com\",\"active\":true,"
               + "\"name\":{\"givenName\":\"User\",\"familyName\":\"Number " + n + "\"},"
               + "\"emails\":[{\"value\":\"user" + n + "@example.com\",\"type\":\"work\",\"primary\":true}],"
               + "\"title\":\"Engineer\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
               + "{\"department\":\"Department " + (n % 40) + "\"},\"meta\":{\"resourceType\":\"User\","
               + "\"created\":\"2026-01-01T00:00:00Z\",\"lastModified\":\"2026-01-01T00:00:00Z\"}}";
    }

    private String page(long startIndex, long count) {
        long end = Math.min(directorySize, startIndex - 1 + count);
        StringBuilder page = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
                                               + "\"totalResults\":" + directorySize + ",\"startIndex\":" + startIndex
                                               + ",\"itemsPerPage\":" + Math.max(0, end - startIndex + 1)
                                               + ",\"Resources\":[");
        for (long n = startIndex; n <= end; n++) {
            page.append(n == startIndex ? "" : ",").append(user(n));
        }
        return page.append("]}").toString();
    }

    private static long parameter(String query, String name, long fallback) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return Long.parseLong(pair.substring(name.length() + 1));
                }
            }
        }
        return fallback;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/scim+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
