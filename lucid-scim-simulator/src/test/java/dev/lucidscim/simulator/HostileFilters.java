package dev.lucidscim.simulator;

/** Filters built to overflow a recursive parser's stack. */
final class HostileFilters {

    private HostileFilters() {
    }

    /** {@code ((((userName eq "a"))))}, this many parentheses deep. */
    static String nested(int depth) {
        return "(".repeat(depth) + "userName eq \"a\"" + ")".repeat(depth);
    }

    /** {@code userName eq "a0" or userName eq "a1" or ...}, this many comparisons. */
    static String wide(int comparisons) {
        StringBuilder filter = new StringBuilder("userName eq \"a0\"");
        for (int i = 1; i < comparisons; i++) {
            filter.append(" or userName eq \"a").append(i).append('"');
        }
        return filter.toString();
    }
}
