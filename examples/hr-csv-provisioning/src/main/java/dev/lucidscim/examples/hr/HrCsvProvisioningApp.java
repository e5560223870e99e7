package dev.lucidscim.examples.hr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

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

    /** Runs until the first file is done (once mode) or until the JVM is stopped. */
    static void run(HrSettings settings, LucidTarget target) throws Exception {
        CountDownLatch firstFileDone = new CountDownLatch(1);
        Main main = new Main();
        target.configure(main);
        main.configure().addRoutesBuilder(new HrCsvRoutes(settings, target.describe(), run -> firstFileDone.countDown()));
        System.out.println("Watching " + settings.inbox().toAbsolutePath() + " for HR exports; provisioning into "
                           + target.describe());
        if (!settings.once()) {
            main.run();
            return;
        }
        main.start();
        try {
            firstFileDone.await();
        } finally {
            main.stop();
        }
    }

    static void copySampleInto(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        try (InputStream sample = HrCsvProvisioningApp.class.getResourceAsStream(SAMPLE)) {
            Files.copy(sample, inbox.resolve("hr-export.csv"), StandardCopyOption.REPLACE_EXISTING);
        }
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
