package dev.lucidscim.examples.queue;

import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import dev.lucidscim.jdbc.PostgresRateBudget;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The rate budget of several consumers of one tenant: a {@link PostgresRateBudget} (Bucket4j on PostgreSQL) on a
 * pooled connection to the database the settings name, bound as the component's {@code rateBudget}. With it the
 * tenant's rate ({@code LUCID_SCIM_RATE}, 25 by default for a real tenant) is that of all the consumers together, not
 * of each one. The pool is closed when Camel Main stops.
 */
final class SharedRateBudget {

    /** The registry name of the budget, which the component's {@code rateBudget} option refers to. */
    static final String BEAN = "sharedRateBudget";
    /** A consumer sends one request at a time, and each takes its token in one short transaction. */
    private static final int POOL_SIZE = 2;

    private SharedRateBudget() {
    }

    /** Binds the budget the settings name into {@code main}, if they name one; the rate must be set too. */
    static void configure(Main main, QueueSettings settings) {
        if (!settings.sharesRateBudget()) {
            return;
        }
        HikariDataSource database = new HikariDataSource();
        database.setPoolName("rate-budget");
        database.setJdbcUrl(settings.rateBudgetUrl());
        database.setUsername(settings.rateBudgetUser());
        database.setPassword(settings.rateBudgetPassword());
        database.setMaximumPoolSize(POOL_SIZE);
        try {
            main.bind(BEAN, new PostgresRateBudget(database));
        } catch (SQLException | RuntimeException e) {
            database.close();
            // not the URL: it may carry the password
            throw new IllegalStateException("Cannot open the shared rate budget in the database of "
                                            + "queue.rate-budget-url as user " + settings.rateBudgetUser()
                                            + ": check the URL, queue.rate-budget-user and queue.rate-budget-password"
                                            + " (" + e.getMessage() + ")", e);
        }
        main.addInitialProperty("camel.component.lucid-scim.configuration.rate-budget", "#" + BEAN);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStop(BaseMainSupport stopped) {
                database.close();
            }
        });
    }
}
