package dev.lucidscim.examples.hr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.examples.support.ClasspathResources;
import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.error.OneLine;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * Runs the HR feed. Without {@code LUCID_SCIM_TOKEN}, it provisions into an embedded Lucid simulator seeded with
 * "yesterday's" directory, and feeds it the bundled sample export; with a token, it provisions into that tenant
 * and reads only what is in the inbox (the sample is never sent to a real tenant).
 */
public final class HrCsvProvisioningApp {

    public static final String SAMPLE = "/sample/hr-export.csv";
    public static final String SEED = "/sample/simulator-seed.json";
    /** The state repository's bean name: both modes use it, with the same key, so either sees the other's leavers. */
    static final String STATE_BEAN = "hrState";
    static final String STATE_OPTIONS = "&stateRepository=#" + STATE_BEAN + "&stateKey=hr-feed";

    private HrCsvProvisioningApp() {
    }

    public static void main(String[] args) throws Exception {
        HrSettings settings = HrSettings.fromEnvironment();
        try (LucidTarget target = LucidTarget.fromEnvironment(SEED)) {
            if (target.isSimulated()) {
                // a fresh simulator holds yesterday's directory: what an earlier run remembered is of another Lucid
                Files.deleteIfExists(settings.stateFile());
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
            if (settings.mode() == HrSettings.Mode.RECONCILE) {
                reconcileOnce(settings, target);
            } else {
                runOnce(settings, target);
            }
            return;
        }
        RouteBuilder routes = settings.mode() == HrSettings.Mode.RECONCILE
                ? new HrReconcileRoutes(settings, target.describe(), keepWatching())
                : new HrCsvRoutes(settings, target.describe(), keepWatching());
        main(target, routes, settings).run();
    }

    /** After each file the summary is printed; a file that fails is reported, and watching goes on. */
    private static <R> HrFeedListener<R> keepWatching() {
        return new HrFeedListener<>() {
            @Override
            public void fileDone(R result) {
                // printed by the routes
            }

            @Override
            public void fileFailed(String fileName, Exception cause) {
                System.err.println(OneLine.of(fileName + " could not be applied and was moved to .failed: "
                                              + cause));
            }
        };
    }

    /** Upserts the first export that arrives in the inbox, then stops; returns what it did. */
    static ProvisioningRun runOnce(HrSettings settings, LucidTarget target) throws Exception {
        return once(settings, target, listener -> new HrCsvRoutes(settings, target.describe(), listener));
    }

    /** Reconciles Lucid with the first export that arrives in the inbox, then stops; returns the report. */
    static ReconcileReport reconcileOnce(HrSettings settings, LucidTarget target) throws Exception {
        return once(settings, target, listener -> new HrReconcileRoutes(settings, target.describe(), listener));
    }

    /** Runs the routes until the first file is done, and returns its result or throws why it failed. */
    private static <R> R once(HrSettings settings, LucidTarget target,
                              Function<HrFeedListener<R>, RouteBuilder> routes) throws Exception {
        CompletableFuture<R> firstFile = new CompletableFuture<>();
        Main main = main(target, routes.apply(new HrFeedListener<>() {
            @Override
            public void fileDone(R result) {
                firstFile.complete(result);
            }

            @Override
            public void fileFailed(String fileName, Exception cause) {
                firstFile.completeExceptionally(new IllegalStateException(
                        OneLine.of(fileName) + " could not be applied and was moved to .failed", cause));
            }
        }), settings);
        main.start();
        try {
            return firstFile.get();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        } finally {
            main.stop();
        }
    }

    /** Camel Main with the routes, pointed at the target, with the state file; not started. */
    static Main main(LucidTarget target, RouteBuilder routes, HrSettings settings) {
        Main main = new Main();
        target.configure(main);
        main.bind(STATE_BEAN, stateRepository(settings.stateFile()));
        main.configure().addRoutesBuilder(routes);
        System.out.println("Watching " + settings.inbox().toAbsolutePath() + " for HR exports ("
                           + settings.mode().name().toLowerCase(Locale.ROOT) + (settings.dryRun() ? ", dry run" : "")
                           + "); provisioning into " + target.describe());
        return main;
    }

    private static FileStateRepository stateRepository(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of the state file " + file, e);
        }
        return FileStateRepository.fileStateRepository(file.toFile());
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
