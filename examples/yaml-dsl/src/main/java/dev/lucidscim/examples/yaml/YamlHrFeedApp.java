package dev.lucidscim.examples.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import dev.lucidscim.examples.support.ClasspathResources;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.examples.support.RunToCompletion;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs {@code routes/hr-feed.camel.yaml} under Camel Main, configured by {@code application.properties}. Without
 * {@code LUCID_SCIM_TOKEN}, it provisions into an embedded Lucid simulator seeded with the HR example's "yesterday's"
 * directory and drops the HR example's sample export in the inbox; with a token, it provisions into that tenant from
 * whatever export is put in the inbox (the sample is never sent to a real tenant).
 */
public final class YamlHrFeedApp {

    static final String ROUTES = "classpath:routes/*.camel.yaml";
    // Both ship in the hr-csv-provisioning jar: the same export and directory as the Java version of the feed.
    static final String SAMPLE = "/sample/hr-export.csv";
    static final String SEED = "/sample/simulator-seed.json";

    private YamlHrFeedApp() {
    }

    public static void main(String[] args) throws Exception {
        try (LucidTarget target = LucidTarget.fromEnvironment(SEED)) {
            Main main = feed(target);
            main.addMainListener(new Inbox(target.isSimulated()));
            System.out.println("HR feed (YAML DSL) provisioning into " + target.describe());
            RunToCompletion.run(main);
        }
    }

    /** Camel Main with the YAML routes, pointed at the target; everything else comes from application.properties. */
    static Main feed(LucidTarget target) {
        Main main = new Main();
        main.configure().withRoutesIncludePattern(ROUTES);
        target.configure(main);
        return main;
    }

    /** Names the inbox the properties chose and, against the simulator, puts the sample export in it. */
    private static final class Inbox extends MainListenerSupport {
        private final boolean withSample;

        Inbox(boolean withSample) {
            this.withSample = withSample;
        }

        @Override
        public void afterConfigure(BaseMainSupport main) {
            Path inbox = Path.of(main.getCamelContext().resolvePropertyPlaceholders("{{hr.inbox}}"));
            if (withSample) {
                try {
                    ClasspathResources.copy(SAMPLE, inbox.resolve("hr-export.csv"));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot put the sample export in " + inbox, e);
                }
            }
            System.out.println("Watching " + inbox.toAbsolutePath() + " for HR exports (*.csv)");
        }
    }
}
