package dev.lucidscim.examples.queue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.lucidscim.error.OneLine;

/**
 * A valid joiner, mover or leaver event, as {@link EventReader} reads it. The e-mail address is lower-cased; the
 * other attributes are null when the event leaves them out.
 */
public record ProvisioningEvent(Type type, String employeeId, String email, String firstName, String lastName,
                                String department, String title) {

    /** What happened to the person. */
    public enum Type {
        /** Starts: gets a Lucid account. */
        JOINER,
        /** Changes department, title or name: the account is updated. */
        MOVER,
        /** Leaves: the account is deactivated (never deleted). */
        LEAVER;

        /** How the event's {@code type} field spells it. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Type> fromJson(String value) {
            return Arrays.stream(values()).filter(type -> type.jsonName().equalsIgnoreCase(value)).findFirst();
        }

        public static String expected() {
            return Arrays.stream(values()).map(Type::jsonName).collect(Collectors.joining(", "));
        }
    }

    /** For logs and the summary: {@code joiner E1042 ana.silva@example.com}. */
    public String describe() {
        return describe(type.jsonName(), employeeId, email);
    }

    /** The same description from whatever fields an event, valid or not, has; on one line, each field bounded. */
    static String describe(String type, String employeeId, String email) {
        String known = Stream.of(type, employeeId, email).filter(Objects::nonNull)
                .map(field -> OneLine.of(field, OneLine.QUOTED_MAX_LENGTH)).collect(Collectors.joining(" "));
        return known.isEmpty() ? "an event without type, employeeId or email" : known;
    }
}
