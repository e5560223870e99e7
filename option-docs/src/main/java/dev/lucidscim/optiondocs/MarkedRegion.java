package dev.lucidscim.optiondocs;

/**
 * The lines of a text between {@code // NAME: START} and {@code // NAME: END} (AsciiDoc comments, the markers
 * Camel's own docs use), which the build writes: everything outside them stays as written by hand.
 */
record MarkedRegion(String name) {

    String start() {
        return "// " + name + ": START";
    }

    String end() {
        return "// " + name + ": END";
    }

    /** What the text holds between the markers, without the line breaks next to them. */
    String contentIn(String text) {
        int[] bounds = bounds(text);
        return text.substring(bounds[0], bounds[1]).strip();
    }

    String replaceIn(String text, String content) {
        int[] bounds = bounds(text);
        return text.substring(0, bounds[0]) + "\n" + content.strip() + "\n" + text.substring(bounds[1]);
    }

    /** Where the content starts (right after the start marker) and ends (right before the end marker). */
    private int[] bounds(String text) {
        int start = text.indexOf(start());
        int end = text.indexOf(end());
        if (start < 0 || end < start || text.indexOf(start(), start + 1) >= 0) {
            throw new IllegalStateException("Expected the lines '" + start() + "' and, after it, '" + end()
                                            + "' once each: put them where the generated " + name + " go");
        }
        return new int[] {start + start().length(), end};
    }
}
