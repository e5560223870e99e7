package dev.lucidscim.optiondocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.tooling.model.ComponentModel;

/**
 * Writes the option and header descriptions of a component's catalog JSON where they are needed; run by the build
 * (exec-maven-plugin), with the component on the class path:
 * <ul>
 * <li>{@code CATALOG adoc check ADOC}: fails unless the adoc's generated tables are those of the catalog;</li>
 * <li>{@code CATALOG adoc update ADOC}: rewrites them;</li>
 * <li>{@code CATALOG starter TEMPLATE OUTPUT}: writes the Spring Boot starter's properties record.</li>
 * </ul>
 * CATALOG is the JSON's class path resource, such as {@code META-INF/dev/lucidscim/camel/lucid-scim.json}.
 */
public final class OptionDocs {

    private static final String USAGE = "usage: OptionDocs CATALOG adoc check|update ADOC"
                                        + " | OptionDocs CATALOG starter TEMPLATE OUTPUT";

    private OptionDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException(USAGE + " (got " + List.of(args) + ")");
        }
        ComponentModel model = ComponentCatalog.load(args[0]);
        if (args[1].equals("adoc") && args[2].equals("check")) {
            AdocFile.check(Path.of(args[3]), model);
        } else if (args[1].equals("adoc") && args[2].equals("update")) {
            AdocFile.update(Path.of(args[3]), model);
        } else if (args[1].equals("starter")) {
            writeStarterRecord(model, Path.of(args[2]), Path.of(args[3]));
        } else {
            throw new IllegalArgumentException(USAGE + " (got " + List.of(args) + ")");
        }
    }

    private static void writeStarterRecord(ComponentModel model, Path template, Path output) throws IOException {
        String source = StarterPropertiesRecord.render(model, Files.readString(template, StandardCharsets.UTF_8));
        Files.createDirectories(output.getParent());
        Files.writeString(output, source, StandardCharsets.UTF_8);
    }
}
