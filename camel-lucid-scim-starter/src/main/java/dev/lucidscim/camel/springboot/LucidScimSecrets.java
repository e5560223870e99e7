package dev.lucidscim.camel.springboot;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the component's secrets on the actuator's {@code /env} and {@code /configprops}, whatever their
 * {@code show-values} setting: the bearer token and the proxy credentials, in any of Spring's spellings
 * ({@code bearer-token}, {@code bearerToken}, {@code CAMEL_COMPONENT_LUCIDSCIM_BEARERTOKEN}), and any property, whatever
 * its name, whose value holds the configured bearer token or proxy password: {@code LUCID_SCIM_TOKEN}, which the
 * token is usually read from, or a copy under a name of the application's own.
 */
final class LucidScimSecrets {

    private static final Pattern SECRET_KEY = Pattern.compile("(?i)(bearer-?token|proxy-?password|proxy-?username)$");
    /**
     * A shorter secret is masked only where a value is exactly it: searched for inside values, it would mask
     * harmless ones that happen to contain it.
     */
    private static final int MIN_LENGTH_TO_FIND_INSIDE = 8;

    private LucidScimSecrets() {
    }

    static SanitizingFunction sanitizingFunction(LucidScimComponentConfiguration properties) {
        List<String> secrets = Stream.of(properties.bearerToken(), properties.proxyPassword())
                .filter(Objects::nonNull).filter(secret -> !secret.isEmpty()).toList();
        return SanitizingFunction.sanitizeValue()
                .ifKeyMatches(key -> SECRET_KEY.matcher(key).find())
                .ifValueStringMatches(value -> secrets.stream().anyMatch(secret -> holds(value, secret)));
    }

    private static boolean holds(String value, String secret) {
        return value.equals(secret) || secret.length() >= MIN_LENGTH_TO_FIND_INSIDE && value.contains(secret);
    }
}
