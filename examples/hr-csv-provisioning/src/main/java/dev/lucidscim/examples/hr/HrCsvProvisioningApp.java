package dev.lucidscim.examples.hr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.lucidscim.examples.support.ClasspathResources;
import dev.lucidscim.examples.support.LucidTarget;
import org.apache.camel.main.Main;

/**
 * Runs the HR feed. Without {@code LUCID_SCIM_TOKEN}, it provisions into an embedded Lucid simulator seeded with
 * "yesterday's" directory, and feeds it the bundled sample export; with a token, it provisions into that tenant
 * and reads only what is in the inbox (the sample is never sent to a real tenant).
 */
public final class HrCsvProvisioningApp {

    static final String SAMPLE = "/sample/hr-export.csv";
    static final String SEED = "/sample/simulator-seed.json";

    private HrCsvProvisioningApp() {
    }

    public static void main(String[] args) throws Exception {
        HrSettings settings = HrSettings.fromEnvironment();
        try (LucidTarget target = LucidTarget.fromEnvironment(SEED)) {
            if (target.isSimulated()) {
                copySampleInto(settings.inbox());
            } else if (!hasExports(settings.inbox())) {
                System.err.println("No *.csv in " + settings.inbox().toAbsolutePath() + ": put the HR export there "
                                   + "(or set HR_INBOX) before running against a real tenant");
                System.exit(2);
            }
            run(settings, target);
        }
    }

    /** Watches the inbox: until the first file is done in once mode, else until the JVM is stopped. */
    static void run(HrSettings settings, LucidTarget target) throws Exception {
        if (settings.once()) {
            runOnce(settings, target);
            return;
        }
        main(settings, target, new HrFeedListener() {
            @Override
            public void fileDone(ProvisioningRun run) {
                // the summary is printed; keep watching
            }

            @Override
            public void fileFailed(String fileName, Exception cause) {
                System.err.println(fileName + " could not be provisioned and was moved to .failed: " + cause);
            }
        }).run();
    }

    /**
     * Processes the first export that arrives in the inbox, then stops; returns what it did, or throws why the file
     * could not be provisioned.
     */
    static ProvisioningRun runOnce(HrSettings settings, LucidTarget target) throws Exception {
        CompletableFuture<ProvisioningRun> firstFile = new CompletableFuture<>();
        Main main = main(settings, target, new HrFeedListener() {
            @Override
            public void fileDone(ProvisioningRun run) {
                firstFile.complete(run);
            }

            @Override
            public void fileFailed(String fileName, Exception cause) {
                firstFile.completeExceptionally(new IllegalStateException(fileName + " could not be provisioned "
                                                                          + "and was moved to .failed", cause));
            }
        });
        main.start();
        try {
            return firstFile.get();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        } finally {
            main.stop();
        }
    }

    private static Main main(HrSettings settings, LucidTarget target, HrFeedListener listener) {
        Main main = new Main();
        target.configure(main);
        main.configure().addRoutesBuilder(new HrCsvRoutes(settings, target.describe(), listener));
        System.out.println("Watching " + settings.inbox().toAbsolutePath() + " for HR exports; provisioning into "
                           + target.describe());
        return main;
    }

    static void copySampleInto(Path inbox) throws IOException {
        ClasspathResources.copy(SAMPLE, inbox.resolve("hr-export.csv"));
    }

    private static boolean hasExports(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return false;
        }
        try (var files = Files.list(inbox)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".csv"));
        }
    }
}
