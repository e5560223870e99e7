package dev.lucidscim.client;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next attempt, and whether there is one: exponential backoff with jitter, replaced by
 * the server's {@code Retry-After} when it names a wait, bounded by a retry count and a total time. A wait that would
 * end past the total time is not started: the caller gives up at once.
 *
 * @param maxRetries   retries after the first attempt (0 turns retrying off)
 * @param initialDelay the backoff before the first retry; each further retry doubles it
 * @param maxDelay     the longest backoff between two attempts (a {@code Retry-After} may ask for more)
 * @param maxElapsed   the longest time from the first attempt to the start of the last one
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxElapsed) {

    public static final RetryPolicy DEFAULT
            = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative() || maxElapsed.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}, or empty to give up.
     *
     * @param failedAttempts attempts made so far (1 after the first failure)
     * @param retryAfter     the server's requested wait, or null
     * @param elapsed        time since the first attempt started
     */
    public Optional<Duration> nextDelay(int failedAttempts, Duration retryAfter, Duration elapsed) {
        if (failedAttempts > maxRetries) {
            return Optional.empty();
        }
        Duration delay = retryAfter != null ? retryAfter : backoff(failedAttempts);
        // Compared as "delay > what is left" so that an absurd Retry-After cannot overflow the sum.
        if (delay.compareTo(maxElapsed.minus(elapsed)) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /** Exponential backoff with "equal jitter": half the step fixed, half random, so clients spread out. */
    Duration backoff(int failedAttempts) {
        long initial = Math.max(1, initialDelay.toMillis());
        int doublings = Math.min(failedAttempts - 1, 30);
        long step = Math.min(maxDelay.toMillis(), initial << doublings);
        long half = step / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(step - half + 1));
    }

    /** The three HTTP-date forms a recipient must accept (RFC 9110 section 5.6.7): IMF-fixdate, RFC 850, asctime. */
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    // two-digit years: the most recent century that makes sense (RFC 9110 section 5.6.7)
                    .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(50))
                    .appendPattern(" HH:mm:ss zzz").toFormatter(Locale.US),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC));

    /**
     * Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). Returns null when
     * the header is absent or unreadable, and zero for a date in the past.
     */
    public static Duration parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                Instant at = ZonedDateTime.parse(value, format).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
