package dev.lucidscim.camel.springboot;

import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the component's secrets on the actuator's {@code /env} and {@code /configprops}, whatever their
 * {@code show-values} setting: the bearer token and the proxy credentials, in any of Spring's spellings
 * ({@code bearer-token}, {@code bearerToken}, {@code CAMEL_COMPONENT_LUCIDSCIM_BEARERTOKEN}).
 */
final class LucidScimSecrets {

    private static final Pattern SECRET_KEY = Pattern.compile("(?i)(bearer-?token|proxy-?password|proxy-?username)$");

    private LucidScimSecrets() {
    }

    static SanitizingFunction sanitizingFunction() {
        return SanitizingFunction.sanitizeValue().ifKeyMatches(key -> SECRET_KEY.matcher(key).find());
    }
}
