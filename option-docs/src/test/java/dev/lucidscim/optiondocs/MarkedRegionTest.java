package dev.lucidscim.optiondocs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkedRegionTest {

    private final MarkedRegion region = new MarkedRegion("component options");

    @Test
    void onlyTheLinesBetweenTheMarkersAreReplaced() {
        String text = "before\n// component options: START\nold\n// component options: END\nafter\n";

        String updated = region.replaceIn(text, "new\n");

        assertThat(updated).isEqualTo("before\n// component options: START\nnew\n// component options: END\nafter\n");
        assertThat(region.contentIn(updated)).isEqualTo("new");
    }

    @Test
    void aMissingMarkerIsNamed() {
        assertThatThrownBy(() -> region.contentIn("// component options: START\nno end\n"))
                .hasMessageContaining("'// component options: START'")
                .hasMessageContaining("'// component options: END'");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThatThrownBy(() -> region.replaceIn("// component options: END\n// component options: START\n", "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecondStartIsRefused() {
        String twice = "// component options: START\n// component options: END\n// component options: START\n";

        assertThatThrownBy(() -> region.contentIn(twice)).hasMessageContaining("once each");
    }
}
