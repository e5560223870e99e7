package dev.lucidscim.error;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside text in a message stays on one line and within bounds, so that it cannot forge a log line. */
class OneLineTest {

    @Test
    void lineBreaksAndControlCharactersBecomeVisibleEscapes() {
        assertThat(OneLine.of("a\r\nSUMMARY created=1\u2028b\u2029c\u0085d\te\u0000f"))
                .isEqualTo("a\\r\\nSUMMARY created=1\\u2028b\\u2029c\\u0085d\\te\\u0000f");
        assertThat(OneLine.of("plain text stays as it is")).isEqualTo("plain text stays as it is");
        assertThat(OneLine.of(null)).isNull();
    }

    @Test
    void longTextIsCutAndMarked() {
        assertThat(OneLine.of("x".repeat(1_000), 10)).isEqualTo("xxxxxxxxxx...");
        assertThat(OneLine.quote("y".repeat(10_000))).hasSize(OneLine.MAX_QUOTED + 3);
    }

    @Test
    void everyExceptionMessageIsOneLineWhateverItWasGiven() {
        ScimException e = ScimValidationException.beforeRequest(List.of("User 'a\nERROR forged'", "second\r\n"));

        assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("User 'a\\nERROR forged'");
    }
}
