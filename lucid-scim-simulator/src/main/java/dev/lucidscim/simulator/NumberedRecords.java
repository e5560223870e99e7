package dev.lucidscim.simulator;

import java.util.Collection;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stored records of one resource type, numbered in creation order from 1001, and the ids Lucid makes of the
 * numbers: a prefix and the number, {@code lucid-1001}. Not thread-safe: the {@link Directory}'s lock guards it.
 */
final class NumberedRecords<R> {

    private static final long FIRST_NUMBER = 1000;

    private final String idPrefix;
    private final NavigableMap<Long, R> records = new TreeMap<>();
    private long lastNumber = FIRST_NUMBER;

    NumberedRecords(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** The next number: every call uses one up, so that a create refused after it leaves a gap. */
    long nextNumber() {
        return ++lastNumber;
    }

    String id(long number) {
        return idPrefix + number;
    }

    /** The record with this id; empty for an unknown id or one of another form. */
    Optional<R> find(String id) {
        return Optional.ofNullable(records.get(numberOf(id)));
    }

    void put(long number, R record) {
        records.put(number, record);
    }

    void remove(long number) {
        records.remove(number);
    }

    /** In creation order. */
    Collection<R> all() {
        return records.values();
    }

    int size() {
        return records.size();
    }

    /** Empty, numbering from 1001 again. */
    void clear() {
        records.clear();
        lastNumber = FIRST_NUMBER;
    }

    /** The number in an id such as {@code lucid-1234}; -1 (never stored) for anything else. */
    private long numberOf(String id) {
        if (id == null || !id.startsWith(idPrefix)) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(idPrefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
