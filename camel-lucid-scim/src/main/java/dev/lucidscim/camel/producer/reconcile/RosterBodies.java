package dev.lucidscim.camel.producer.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;

/**
 * Reads the roster from the body: a {@link ReconcileRoster}, a collection of users (typed, maps or JSON objects),
 * a map or JSON object in the roster's form, or a JSON array of users.
 */
final class RosterBodies {

    private RosterBodies() {
    }

    static ReconcileRoster read(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        try {
            if (body instanceof ReconcileRoster roster) {
                return roster;
            }
            if (body instanceof Collection<?> rows) {
                List<ScimUser> users = new ArrayList<>(rows.size());
                for (Object row : rows) {
                    users.add(row instanceof ScimUser user ? user
                            : exchange.getContext().getTypeConverter().mandatoryConvertTo(ScimUser.class, exchange,
                                    row));
                }
                return ReconcileRoster.of(users);
            }
            if (body instanceof Map<?, ?> map) {
                return ScimJson.convert(map, ReconcileRoster.class);
            }
            if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
                byte[] json = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                        : body instanceof byte[] bytes ? bytes : ((InputStream) body).readAllBytes();
                JsonNode tree = ScimJson.read(json, JsonNode.class);
                return tree.isArray() ? ReconcileRoster.of(List.of(ScimJson.convert(tree, ScimUser[].class)))
                        : ScimJson.convert(tree, ReconcileRoster.class);
            }
        } catch (IOException | IllegalArgumentException | NoTypeConversionAvailableException
                 | TypeConversionException e) {
            throw ScimValidationException.beforeRequest("The roster is not a list of SCIM users or a roster of "
                                                        + "users, managers and groups: "
                                                        + String.valueOf(e.getMessage()).lines().findFirst()
                                                                .orElse(""));
        }
        throw ScimValidationException.beforeRequest("reconcile expects the whole roster as the body: a "
                                                    + "ReconcileRoster, a List of ScimUser or Map, or JSON; got "
                                                    + (body == null ? "no body" : body.getClass().getName()));
    }
}
