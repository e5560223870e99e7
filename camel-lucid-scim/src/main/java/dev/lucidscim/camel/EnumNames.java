package dev.lucidscim.camel;

import java.util.Locale;

/**
 * The one rule between the component's enum constants and the names users write and read in URIs, headers and
 * configuration: a constant is in upper case with underscores, its name outside is the same words in lower camel case
 * ({@code ADD_MEMBERS} is {@code addMembers}). Camel's own type converter reads option values by the same rule.
 */
final class EnumNames {

    private EnumNames() {
    }

    static String lowerCamel(Enum<?> constant) {
        String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return name.toString();
    }

    /** The constant named so, in lower camel case or as the constant, without regard to case; null when none. */
    static <E extends Enum<E>> E find(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (lowerCamel(constant).equalsIgnoreCase(name) || constant.name().equalsIgnoreCase(name)) {
                return constant;
            }
        }
        return null;
    }
}
