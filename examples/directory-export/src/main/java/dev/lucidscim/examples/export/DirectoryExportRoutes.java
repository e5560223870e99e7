package dev.lucidscim.examples.export;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export: the component's polling consumer lists every user of Lucid each {@code export.period}
 * ({@code mode=all}), and each poll becomes one new file in {@code export.folder}. Lucid lists active users only, so
 * deactivated people are never in the file.
 */
public class DirectoryExportRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger("lucid-directory-export");

    private final Runnable lastExportDone;

    /** @param lastExportDone called once {@code export.runs} exports are written (never when it is 0) */
    public DirectoryExportRoutes(Runnable lastExportDone) {
        this.lastExportDone = lastExportDone;
    }

    @Override
    public void configure() {
        ExportFormat format = ExportFormat.named(getContext().resolvePropertyPlaceholders("{{export.format}}"));
        int runs = Integer.parseInt(getContext().resolvePropertyPlaceholders("{{export.runs}}"));
        PollFile file = new PollFile(Path.of(getContext().resolvePropertyPlaceholders("{{export.folder}}")), format);
        AtomicInteger exports = new AtomicInteger();

        from("lucid-scim:users?mode=all&initialDelay=0&delay={{export.period}}")
                .routeId("lucid-directory-export")
                .process(exchange -> {
                    Path written = file.add(exchange);
                    if (written != null) {
                        LOG.info("Exported {} users to {}", exchange.getProperty("CamelBatchSize"), written);
                        if (exports.incrementAndGet() == runs) {
                            lastExportDone.run();
                        }
                    }
                });
    }
}
