package dev.lucidscim.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.lucidscim.client.RateBudget;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * One rate budget for every node, in PostgreSQL (the database of the shared state will do): a Bucket4j bucket per
 * tenant, in a table the nodes share, from which each request takes one token, waiting its turn, whichever node sends
 * it. The bucket holds one token and gains one every 1/rate seconds, so the nodes together send at most
 * {@code requestsPerSecond}, one at a time, as one process would (no burst saved up while idle).
 * <p>
 * The rate is the one in force on the node that asks. When it changes there (the adaptive rate after a 429, or its
 * slow return), and when a node first uses the bucket, that node replaces the bucket's configuration
 * ({@code replaceConfiguration}, tokens kept as they are), so that every node draws at the new rate. A node that
 * starts later sets its own configured rate again; the adaptive rate then comes down as soon as a node meets a 429.
 * <p>
 * The table, created at construction unless told otherwise (Bucket4j's PostgreSQL backend, locking the row with
 * {@code SELECT ... FOR UPDATE}):
 *
 * <pre>
 * CREATE TABLE IF NOT EXISTS LUCID_SCIM_RATE_BUDGET (ID VARCHAR(512) PRIMARY KEY, STATE BYTEA)
 * </pre>
 * A request costs one round trip to the database (a transaction locking the tenant's row). When the database cannot
 * be reached, requests fail ({@link IllegalStateException} naming the table) rather than go unpaced.
 */
public final class PostgresRateBudget implements RateBudget {

    public static final String DEFAULT_TABLE = "LUCID_SCIM_RATE_BUDGET";

    private record TenantBucket(BucketProxy bucket, double appliedRate) {
    }

    private final String tableName;
    private final ProxyManager<String> buckets;
    private final Map<String, TenantBucket> tenants = new ConcurrentHashMap<>();

    /** A budget in {@value #DEFAULT_TABLE}, created if absent. */
    public PostgresRateBudget(DataSource dataSource) throws SQLException {
        this(dataSource, DEFAULT_TABLE, true);
    }

    /**
     * @param tableName   the table of the buckets, one row per tenant
     * @param createTable whether to create it when absent (false when the application's user may not)
     */
    public PostgresRateBudget(DataSource dataSource, String tableName, boolean createTable) throws SQLException {
        if (dataSource == null) {
            throw new IllegalArgumentException("PostgresRateBudget needs the dataSource of a PostgreSQL database");
        }
        this.tableName = JdbcTables.checkName(tableName);
        if (createTable) {
            try (Connection connection = dataSource.getConnection()) {
                JdbcTables.createUnlessThere(connection, tableName, "(ID VARCHAR(512) PRIMARY KEY, STATE BYTEA)",
                        "ID");
            }
        }
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING).table(tableName).idColumn("ID").stateColumn("STATE")
                .build();
    }

    @Override
    public long take(String tenant, double perSecond) throws InterruptedException {
        long start = System.nanoTime();
        try {
            bucketAt(tenant, perSecond).asBlocking().consume(1);
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("The rate budget of " + tenant + " in " + tableName + " cannot be read: "
                                            + e.getMessage(), e);
        }
        return System.nanoTime() - start;
    }

    /** The tenant's bucket, its configuration replaced first when this node's rate is not the one it applied. */
    private BucketProxy bucketAt(String tenant, double perSecond) {
        TenantBucket current = tenants.get(tenant);
        if (current != null && current.appliedRate() == perSecond) {
            return current.bucket();
        }
        return tenants.compute(tenant, (key, known) -> {
            if (known != null && known.appliedRate() == perSecond) {
                return known;
            }
            BucketConfiguration configuration = configuration(perSecond);
            BucketProxy bucket = known != null ? known.bucket()
                    : buckets.builder().build(key, () -> configuration);
            bucket.replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS);
            return new TenantBucket(bucket, perSecond);
        }).bucket();
    }

    /** One token, refilled every 1/rate: no burst. */
    private static BucketConfiguration configuration(double perSecond) {
        long intervalNanos = Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / perSecond));
        return BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(1)
                .refillGreedy(1, Duration.ofNanos(intervalNanos)).build()).build();
    }
}
