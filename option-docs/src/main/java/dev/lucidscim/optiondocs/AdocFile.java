package dev.lucidscim.optiondocs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.apache.camel.tooling.model.ComponentModel;

/**
 * The component's adoc, whose option and header tables are generated from the catalog and held in the repository
 * between markers: {@link #update} rewrites them, {@link #check} fails the build when they are not what the catalog
 * gives, so that a changed description cannot reach main without its docs.
 */
final class AdocFile {

    static final String REGENERATE = "mvn process-classes -pl camel-lucid-scim -am -Dlucid-scim.docs=update";

    private static final String NOTICE = "// Generated from the component JSON, that is from the @UriParam, @UriPath and "
                                         + "@Metadata descriptions:\n// edit those, never these lines, and regenerate "
                                         + "with\n// " + REGENERATE + "\n";

    private record Region(MarkedRegion markers, Function<ComponentModel, String> content) {
    }

    private static final List<Region> REGIONS = List.of(
            new Region(new MarkedRegion("component options"), AdocTables::options),
            new Region(new MarkedRegion("component headers"), AdocTables::headers));

    private AdocFile() {
    }

    static void update(Path adoc, ComponentModel model) throws IOException {
        String text = Files.readString(adoc, StandardCharsets.UTF_8);
        String updated = text;
        for (Region region : REGIONS) {
            updated = region.markers().replaceIn(updated, NOTICE + region.content().apply(model));
        }
        if (!updated.equals(text)) {
            Files.writeString(adoc, updated, StandardCharsets.UTF_8);
        }
    }

    static void check(Path adoc, ComponentModel model) throws IOException {
        String text = Files.readString(adoc, StandardCharsets.UTF_8);
        for (Region region : REGIONS) {
            String expected = (NOTICE + region.content().apply(model)).strip();
            String actual = region.markers().contentIn(text);
            if (!actual.equals(expected)) {
                String difference = firstDifference(region.markers(), expected, actual);
                throw new IllegalStateException(adoc + ": the generated " + region.markers().name() + " differ from "
                                                + "the component JSON (" + difference + "). Regenerate them with '"
                                                + REGENERATE + "' and commit the adoc");
            }
        }
    }

    private static String firstDifference(MarkedRegion markers, String expected, String actual) {
        String[] expectedLines = expected.split("\n", -1);
        String[] actualLines = actual.split("\n", -1);
        for (int i = 0; i < Math.max(expectedLines.length, actualLines.length); i++) {
            String want = i < expectedLines.length ? expectedLines[i] : "(nothing)";
            String have = i < actualLines.length ? actualLines[i] : "(nothing)";
            if (!want.equals(have)) {
                return "line " + (i + 1) + " after '" + markers.start() + "' is '" + have + "' where the JSON gives '"
                       + want + "'";
            }
        }
        return "they differ in line breaks";
    }
}
