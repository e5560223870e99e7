package dev.lucidscim.simulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads and rewrites parameters of a raw (percent-encoded) query string; names match ignoring case. */
final class RawQuery {

    private RawQuery() {
    }

    /**
     * Every decoded value of the parameter, in order (a client may send one twice). The JDK server has already
     * refused a query that is not properly percent-encoded.
     */
    static List<String> values(String rawQuery, String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery != null) {
            for (String parameter : rawQuery.split("&")) {
                if (isNamed(parameter, name)) {
                    values.add(URLDecoder.decode(parameter.substring(name.length() + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    /** The first decoded value of the parameter, or null. */
    static String first(String rawQuery, String name) {
        List<String> values = values(rawQuery, name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The query with every value of the parameter replaced by {@code value}. */
    static String withParameter(String rawQuery, String name, String value) {
        StringBuilder rewritten = new StringBuilder();
        for (String parameter : rawQuery.split("&")) {
            rewritten.append(rewritten.isEmpty() ? "" : "&").append(isNamed(parameter, name)
                    ? name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : parameter);
        }
        return rewritten.toString();
    }

    private static boolean isNamed(String parameter, String name) {
        int equals = parameter.indexOf('=');
        return equals == name.length() && parameter.regionMatches(true, 0, name, 0, equals);
    }
}
