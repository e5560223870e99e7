package dev.lucidscim.examples.export;

import dev.lucidscim.examples.support.LucidTarget;
import dev.lucidscim.examples.support.RunToCompletion;
import org.apache.camel.main.Main;

/**
 * Runs the export under Camel Main, configured by {@code application.properties} ({@code -Dexport.format=csv} and
 * the like override it). Without {@code LUCID_SCIM_TOKEN}, it reads an embedded Lucid simulator seeded with the HR
 * example's directory (a few hundred users), exports it once and stops; with a token, it exports that tenant every
 * {@code export.period} until stopped.
 */
public final class DirectoryExportApp {

    // Ships in the hr-csv-provisioning jar: the same directory the HR feed starts from.
    static final String SEED = "/sample/simulator-seed.json";

    private DirectoryExportApp() {
    }

    public static void main(String[] args) throws Exception {
        try (LucidTarget target = LucidTarget.fromEnvironment(SEED)) {
            Main main = exporter(target);
            if (target.isSimulated()) {
                // nobody changes the simulator's directory meanwhile: one export shows all there is
                main.addOverrideProperty("export.runs", "1");
            }
            System.out.println("Exporting the users of " + target.describe());
            RunToCompletion.run(main);
        }
    }

    /** Camel Main with the export route, pointed at the target. */
    static Main exporter(LucidTarget target) {
        Main main = new Main();
        main.configure().addRoutesBuilder(new DirectoryExportRoutes(main::completed));
        target.configure(main);
        return main;
    }
}
