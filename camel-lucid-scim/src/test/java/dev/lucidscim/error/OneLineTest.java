package dev.lucidscim.error;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside text in a message or a printed line stays on one line and within bounds, so that it cannot forge a line. */
class OneLineTest {

    @Test
    void everyLineBreakAndControlCharacterBecomesAVisibleEscape() {
        assertThat(OneLine.of("a\nSUMMARY b\r\nc\rd\te")).isEqualTo("a\\nSUMMARY b\\r\\nc\\rd\\te");
        // NEL, the Unicode line and paragraph separators, NUL, DEL and a terminal escape sequence
        assertThat(OneLine.of("a\u0085b\u2028c\u2029d\u0000e\u007ff\u001b[31mg"))
                .isEqualTo("a\\u0085b\\u2028c\\u2029d\\u0000e\\u007ff\\u001b[31mg");
    }

    @Test
    void printableTextIsLeftAsItIs() {
        String printable = "Zoë O'Brien, \"Δ Research\" \\n 😀";
        assertThat(OneLine.of(printable)).isEqualTo(printable);
        assertThat(OneLine.of(null)).isEqualTo("null");
    }

    @Test
    void aLongValueIsCutAndTheCutSaysHowLongItWas() {
        assertThat(OneLine.of("a".repeat(10_240), 64)).isEqualTo("a".repeat(64) + "... (10240 characters)");
        assertThat(OneLine.of("a".repeat(501))).isEqualTo("a".repeat(500) + "... (501 characters)");
        assertThat(OneLine.of("a".repeat(64), 64)).isEqualTo("a".repeat(64));
        assertThat(OneLine.quoted("y".repeat(10_000))).isEqualTo("'" + "y".repeat(64) + "... (10000 characters)'");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        assertThat(OneLine.of("abc😀def", 4)).isEqualTo("abc... (8 characters)");
    }

    @Test
    void everyExceptionMessageIsOneLineWhateverItWasGiven() {
        ScimException e = ScimValidationException.beforeRequest(List.of("User 'a\nERROR forged'", "second\r\n"));

        assertThat(e.getMessage()).doesNotContain("\n", "\r").contains("User 'a\\nERROR forged'");
    }
}
