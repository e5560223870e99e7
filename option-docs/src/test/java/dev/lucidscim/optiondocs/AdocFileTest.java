package dev.lucidscim.optiondocs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdocFileTest {

    private static final String HAND_WRITTEN = "= Doc\n\nProse.\n\n// component options: START\n"
                                               + "// component options: END\n\nMore prose.\n\n"
                                               + "// component headers: START\n// component headers: END\nEnd.\n";

    private final ComponentModel model = SampleCatalog.load();

    @TempDir
    Path dir;

    @Test
    void anUpdatedAdocPassesTheCheckAndKeepsItsProse() throws IOException {
        Path adoc = adoc(HAND_WRITTEN);

        AdocFile.update(adoc, model);

        assertThatCode(() -> AdocFile.check(adoc, model)).doesNotThrowAnyException();
        assertThat(Files.readString(adoc)).startsWith("= Doc\n\nProse.\n\n// component options: START\n")
                .contains("| `tenantUrl` |", "\n// component options: END\n\nMore prose.\n\n",
                        "| `CamelLucidScimOperation` |")
                .endsWith("\n// component headers: END\nEnd.\n");
    }

    @Test
    void aChangedDescriptionFailsTheCheckNamingTheLineAndHowToRegenerate() throws IOException {
        Path adoc = adoc(HAND_WRITTEN);
        AdocFile.update(adoc, model);

        SampleCatalog.describe(model, "connectTimeout", "The longest wait for a TCP connection to Lucid.");

        assertThatThrownBy(() -> AdocFile.check(adoc, model))
                .hasMessageContaining("the generated component options differ from the component JSON")
                .hasMessageContaining("after '// component options: START' is '| `connectTimeout` |")
                .hasMessageContaining("The longest wait for a TCP connection to Lucid.")
                .hasMessageContaining(AdocFile.REGENERATE);
    }

    @Test
    void aHandEditInTheTablesFailsTheCheck() throws IOException {
        Path adoc = adoc(HAND_WRITTEN);
        AdocFile.update(adoc, model);
        Files.writeString(adoc, Files.readString(adoc).replace("| `CamelLucidScimOperation` |", "| `Operation` |"));

        assertThatThrownBy(() -> AdocFile.check(adoc, model)).hasMessageContaining("the generated component headers differ");
    }

    @Test
    void anAdocWithoutTheMarkersFailsTheCheck() throws IOException {
        Path adoc = adoc("= Doc\n\nNo tables.\n");

        assertThatThrownBy(() -> AdocFile.check(adoc, model)).hasMessageContaining("// component options: START");
    }

    private Path adoc(String text) throws IOException {
        Path adoc = dir.resolve("sample-component.adoc");
        Files.writeString(adoc, text);
        return adoc;
    }
}
