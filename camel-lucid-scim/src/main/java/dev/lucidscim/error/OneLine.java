package dev.lucidscim.error;

/**
 * Text from outside (a server's answer, a value from an HR file) made safe to put in a message or a log line: on one
 * line, so that it cannot forge a line of its own, and bounded, so that a 2 MB value does not make a 2 MB message.
 * Line breaks, tabs and other control characters become visible escapes ({@code \n}, {@code \u2028}, ...).
 */
public final class OneLine {

    /** The most characters of one outside value quoted in a message. */
    public static final int MAX_QUOTED = 200;

    private OneLine() {
    }

    /** The text on one line, whatever its length; null stays null. */
    public static String of(String text) {
        return text == null ? null : of(text, Integer.MAX_VALUE);
    }

    /** The text on one line and cut after {@code maxLength} characters, marked {@code ...} where it was cut. */
    public static String of(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder line = null;
        int end = Math.min(text.length(), maxLength);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && line == null) {
                line = new StringBuilder(end + 16).append(text, 0, i);
            }
            if (line != null) {
                if (escape != null) {
                    line.append(escape);
                } else {
                    line.append(c);
                }
            }
        }
        String result = line != null ? line.toString() : text.substring(0, end);
        return end < text.length() ? result + "..." : result;
    }

    /** An outside value for a message: one line, at most {@link #MAX_QUOTED} characters. */
    public static String quote(String value) {
        return of(value, MAX_QUOTED);
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                boolean lineBreak = c == '\u2028' || c == '\u2029' || c == '\u0085';
                return lineBreak || Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : null;
        }
    }
}
