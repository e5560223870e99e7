package dev.lucidscim.optiondocs;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Java type names as the catalog writes them: qualified, with type arguments. */
final class JavaTypes {

    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z]\\w*)");

    private JavaTypes() {
    }

    /** Without packages: {@code java.util.List<java.lang.String>} is {@code List<String>}. */
    static String simpleName(String javaType) {
        return QUALIFIED_NAME.matcher(javaType).replaceAll("$1");
    }

    /** The classes it names that a source file must import (those of java.lang need none). */
    static List<String> imports(String javaType) {
        return QUALIFIED_NAME.matcher(javaType).results().map(MatchResult::group)
                .filter(name -> !name.startsWith("java.lang.")).collect(Collectors.toList());
    }
}
