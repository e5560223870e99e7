package dev.lucidscim.examples.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Runs a Camel Main application to its end: until Camel Main stops it by itself ({@code
 * camel.main.duration-max-messages} after one file or one export) or the JVM is stopped. An exchange that failed on
 * the way fails the run, so that whatever started the job (a script, CI, Maven) sees the failure, not a success with
 * an error somewhere in the log.
 */
public final class RunToCompletion {

    private RunToCompletion() {
    }

    public static void run(Main main) throws Exception {
        FailedExchanges failed = new FailedExchanges();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                configured.getCamelContext().getManagementStrategy().addEventNotifier(failed);
            }
        });
        main.run();
        if (failed.count() > 0) {
            throw new IllegalStateException(failed.count() + " message(s) failed: see the errors logged above");
        }
    }

    /** Counts exchanges that ended failed (an exception the route did not handle). */
    private static final class FailedExchanges extends EventNotifierSupport {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof ExchangeFailedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            count.incrementAndGet();
        }

        int count() {
            return count.get();
        }
    }
}
