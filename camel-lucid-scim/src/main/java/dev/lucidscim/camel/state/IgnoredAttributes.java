package dev.lucidscim.camel.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.StateRepository;

/**
 * The attribute paths a tenant accepts writes of and does not keep (licences on a Lucid account that licenses through
 * organizational groups), each with when it was found. Kept in a {@link StateRepository} under one key,
 * {@code <namespace>}{@value #KEY_SUFFIX}, as {@code <epoch millis> <path>} entries separated by commas (a
 * {@code FileStateRepository} refuses line breaks; no attribute path holds a comma), so that every node sharing the
 * repository leaves the same paths out. Removing the key (or one entry) makes the component write the paths again;
 * so does {@code retryAfter}, once a path was found that long ago.
 */
public final class IgnoredAttributes {

    public static final String KEY_SUFFIX = "/ignoredAttributes";
    private static final String SEPARATOR = ",";

    /** The writers of every instance in this JVM: the producers of several routes may share a namespace. */
    private static final Object WRITES = new Object();

    private final StateRepository<String, String> repository;
    private final String key;
    private final Duration retryAfter;
    private final Clock clock;

    /**
     * @param namespace  the endpoint's key prefix (its state key)
     * @param retryAfter how long a path stays ignored; zero: until its line is removed
     */
    public IgnoredAttributes(StateRepository<String, String> repository, String namespace, Duration retryAfter,
                             Clock clock) {
        this.repository = repository;
        this.key = namespace + KEY_SUFFIX;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /** The repository key that holds them: clear it to try every path again. */
    public String key() {
        return key;
    }

    /** The paths ignored now, with when each was found, in the order found; those due for a retry left out. */
    public Map<String, Instant> current() {
        Map<String, Instant> all = read();
        if (!retryAfter.isZero()) {
            Instant retryFrom = clock.instant().minus(retryAfter);
            all.values().removeIf(found -> !found.isAfter(retryFrom));
        }
        return Collections.unmodifiableMap(all);
    }

    /**
     * Remembers a path as ignored from now on.
     *
     * @return whether it is new: not ignored until now (never found, or due for a retry)
     */
    public boolean add(String path) {
        synchronized (WRITES) {
            if (current().containsKey(path)) {
                return false;
            }
            Map<String, Instant> all = read();
            all.put(path, clock.instant());
            StringBuilder entries = new StringBuilder();
            all.forEach((ignored, found) -> entries.append(entries.isEmpty() ? "" : SEPARATOR)
                    .append(found.toEpochMilli()).append(' ').append(ignored));
            repository.setState(key, entries.toString());
            return true;
        }
    }

    private Map<String, Instant> read() {
        Map<String, Instant> paths = new LinkedHashMap<>();
        String entries = repository.getState(key);
        if (entries != null && !entries.isBlank()) {
            for (String entry : entries.split(SEPARATOR)) {
                int space = entry.indexOf(' ');
                if (space > 0) {
                    paths.put(entry.substring(space + 1).strip(),
                            Instant.ofEpochMilli(Long.parseLong(entry.substring(0, space).strip())));
                }
            }
        }
        return paths;
    }
}
