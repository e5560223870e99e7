package dev.lucidscim.error;

/**
 * Text from outside (a server's answer, a value from an HR file) made fit for a message, a console or a log line:
 * always one line, and bounded. A value holding a line break could otherwise print a line of its own, such as a fake
 * log entry or a fake {@code SUMMARY} line that a script reads as a job's result, and a 2 MB value would make a 2 MB
 * message.
 * <p>
 * Line breaks and every other control character (C0, DEL, C1 such as NEL, so also terminal escape sequences), plus the
 * Unicode line and paragraph separators U+2028 and U+2029, are written as visible escapes ({@code \n}, {@code \r},
 * {@code \t}, else {@code \}{@code uXXXX}). The result is for reading, not for parsing back: a backslash in the value
 * is left as it is. The component's messages and the examples' output both go through here.
 */
public final class OneLine {

    /** What a line shows of a value by default: room for a server's detail, not for a whole file. */
    public static final int DEFAULT_MAX_LENGTH = 500;
    /** What a message quotes of the value it rejects: enough to find it, not 10 KB of it. */
    public static final int QUOTED_MAX_LENGTH = 64;

    private OneLine() {
    }

    /** The text on one line, cut to {@link #DEFAULT_MAX_LENGTH} characters; null prints as {@code null}. */
    public static String of(Object text) {
        return of(text, DEFAULT_MAX_LENGTH);
    }

    /** The value in single quotes, on one line, cut to {@link #QUOTED_MAX_LENGTH} characters: for a reason. */
    public static String quoted(Object value) {
        return "'" + of(value, QUOTED_MAX_LENGTH) + "'";
    }

    /**
     * The text on one line; beyond {@code maxLength} characters (escapes included) it is cut, and the cut is marked
     * with the original length, so a reader knows it saw a part: {@code aaaa... (10240 characters)}.
     */
    public static String of(Object text, int maxLength) {
        String value = String.valueOf(text);
        StringBuilder line = new StringBuilder(Math.min(value.length(), maxLength) + 32);
        for (int i = 0; i < value.length(); i++) {
            if (line.length() >= maxLength) {
                // never half a surrogate pair: the cut stays valid UTF-16
                if (Character.isLowSurrogate(value.charAt(i))
                    && Character.isHighSurrogate(line.charAt(line.length() - 1))) {
                    line.setLength(line.length() - 1);
                }
                return line.append("... (").append(value.length()).append(" characters)").toString();
            }
            appendVisible(value.charAt(i), line);
        }
        return line.toString();
    }

    private static void appendVisible(char c, StringBuilder line) {
        switch (c) {
            case '\n' -> line.append("\\n");
            case '\r' -> line.append("\\r");
            case '\t' -> line.append("\\t");
            default -> {
                if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                    line.append(String.format("\\u%04x", (int) c));
                } else {
                    line.append(c);
                }
            }
        }
    }
}
