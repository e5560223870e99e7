package dev.lucidscim.camel.hardening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;

/**
 * Random inputs for the hostile-input tests, fed to JUnit's {@code @ParameterizedTest} through {@link #samples}.
 * Seeded: every build tries the same inputs, so a failure in CI replays on any machine. To explore other inputs, run
 * the tests with {@code -Dhostile.seed=<any number>}; every input is named by its printable form in the test report.
 *
 * @param <T> what is generated
 */
@FunctionalInterface
interface Generator<T> {

    long SEED = Long.getLong("hostile.seed", 20_261_128L);
    String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    String DIGITS = "0123456789";
    /** Test names longer than this are cut: a 500-character id would drown the report. */
    int NAME_LENGTH = 120;

    T next(Random random);

    default <R> Generator<R> map(Function<? super T, ? extends R> mapping) {
        return random -> mapping.apply(next(random));
    }

    /** Draws again until the value is kept: for rare exclusions only (it gives up after 10,000 draws). */
    default Generator<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int draw = 0; draw < 10_000; draw++) {
                T value = next(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("The filter kept none of 10,000 values: it excludes too much");
        };
    }

    default Generator<List<T>> list(int minSize, int maxSize) {
        return random -> {
            int size = minSize + random.nextInt(maxSize - minSize + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    @SafeVarargs
    static <T> Generator<T> of(T... values) {
        List<T> choices = List.of(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    /** Between min and max, both included. */
    static Generator<Integer> integers(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }

    static Generator<String> strings(String alphabet, int minLength, int maxLength) {
        return of(alphabet.chars().mapToObj(c -> String.valueOf((char) c)).toArray(String[]::new))
                .list(minLength, maxLength).map(Generator::join);
    }

    /** Pieces joined into one string. */
    static Generator<String> concat(Generator<String> piece, int minPieces, int maxPieces) {
        return piece.list(minPieces, maxPieces).map(Generator::join);
    }

    private static String join(List<String> pieces) {
        return String.join("", pieces);
    }

    /**
     * One character: any UTF-16 unit (control characters included), a lone surrogate (rare among all units, so asked
     * for), or a supplementary code point (a surrogate pair).
     */
    static Generator<String> unicode() {
        return frequency(weight(1, random -> String.valueOf((char) random.nextInt(Character.MAX_VALUE + 1))),
                weight(1, integers(Character.MIN_SURROGATE, Character.MAX_SURROGATE)
                        .map(surrogate -> String.valueOf((char) (int) surrogate))),
                weight(1, integers(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT)
                        .map(Character::toString)));
    }

    record Weighted<T>(int weight, Generator<? extends T> generator) {
    }

    static <T> Weighted<T> weight(int weight, Generator<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    /** Picks one of the generators, each as often as its weight says. */
    @SafeVarargs
    static <T> Generator<T> frequency(Weighted<T>... choices) {
        int total = Arrays.stream(choices).mapToInt(Weighted::weight).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<T> choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.generator().next(random);
                }
            }
            throw new IllegalStateException("weights changed while drawing");
        };
    }

    /**
     * {@code count} inputs for a {@code @MethodSource}, named by their printable form. Each source draws from its own
     * sequence (the seed mixed with its name), so a smaller set is not the start of a larger one.
     */
    static <T> Stream<Named<T>> samples(String source, Generator<T> generator, int count,
                                        Function<? super T, String> describe) {
        Random random = new Random(SEED ^ source.hashCode());
        return Stream.generate(() -> generator.next(random)).limit(count)
                .map(value -> Named.of(shortened(describe.apply(value)), value));
    }

    /** Strings named in quotes: a blank one still has a name. */
    static Stream<Named<String>> samples(String source, Generator<String> generator, int count) {
        return samples(source, generator, count, text -> '"' + visible(text) + '"');
    }

    /** Everything outside printable ASCII as a Java escape: reports stay readable whatever an input held. */
    static String visible(String text) {
        return text.chars().mapToObj(c -> c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                : String.format("\\u%04X", c)).collect(Collectors.joining());
    }

    private static String shortened(String name) {
        return name.length() <= NAME_LENGTH ? name
                : name.substring(0, NAME_LENGTH) + "... (" + name.length() + " characters)";
    }
}
