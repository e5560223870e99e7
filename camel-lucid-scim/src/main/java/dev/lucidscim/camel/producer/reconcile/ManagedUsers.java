package dev.lucidscim.camel.producer.reconcile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.LucidScimManagedUsers;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.AttributePath;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;

/**
 * Which Lucid users a reconcile may deactivate: all of them, those with an {@code externalId} (created from an HR
 * system, so that accounts made by hand are never touched), or those matching an {@code eq} filter
 * ({@code managedFilter}, evaluated here on the listed users, since Lucid lists all users anyway).
 */
public final class ManagedUsers {

    private static final Pattern EQ = Pattern.compile("\\s*(\\S+)\\s+(?i:eq)\\s+(.+?)\\s*");

    private ManagedUsers() {
    }

    public static Predicate<ScimUser> of(LucidScimManagedUsers scope, String filter) {
        return switch (scope) {
            case ALL -> user -> true;
            case WITH_EXTERNAL_ID -> user -> user.externalId() != null && !user.externalId().isBlank();
            case FILTER -> matching(filter);
        };
    }

    private static Predicate<ScimUser> matching(String filter) {
        Matcher eq = filter == null ? null : EQ.matcher(filter);
        if (eq == null || !eq.matches()) {
            throw ScimValidationException.beforeRequest("managedUsers=filter needs managedFilter of the form "
                                                        + "<attribute> eq <value>, such as "
                                                        + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:"
                                                        + "division eq \"Sales\"; got '" + filter + "'");
        }
        AttributePath path = AttributePath.of(eq.group(1));
        JsonNode wanted;
        try {
            wanted = ScimJson.readTree(eq.group(2).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ScimValidationException.beforeRequest("managedFilter value " + eq.group(2) + " is not a JSON "
                                                        + "value: quote strings");
        }
        return user -> {
            JsonNode value = path.valueIn(ScimJson.toTree(user));
            if (value == null) {
                return false;
            }
            return wanted.isTextual() && value.isTextual()
                    ? value.asText().toLowerCase(Locale.ROOT).equals(wanted.asText().toLowerCase(Locale.ROOT))
                    : value.equals(wanted);
        };
    }
}
