package dev.lucidscim.camel.producer.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;

/** Reads the roster from the body: a collection of users (typed, maps or JSON objects) or a JSON array. */
final class RosterBodies {

    private RosterBodies() {
    }

    static List<ScimUser> read(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        try {
            if (body instanceof Collection<?> rows) {
                List<ScimUser> roster = new ArrayList<>(rows.size());
                for (Object row : rows) {
                    roster.add(row instanceof ScimUser user ? user
                            : exchange.getContext().getTypeConverter().mandatoryConvertTo(ScimUser.class, exchange,
                                    row));
                }
                return roster;
            }
            if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
                byte[] json = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                        : body instanceof byte[] bytes ? bytes : ((InputStream) body).readAllBytes();
                return List.of(ScimJson.read(json, ScimUser[].class));
            }
        } catch (IOException | org.apache.camel.NoTypeConversionAvailableException
                 | org.apache.camel.TypeConversionException e) {
            throw ScimValidationException.beforeRequest("The roster is not a list of SCIM users: "
                                                        + String.valueOf(e.getMessage()).lines().findFirst()
                                                                .orElse(""));
        }
        throw ScimValidationException.beforeRequest("reconcile expects the whole roster as the body: a List of "
                                                    + "ScimUser or Map, or a JSON array; got "
                                                    + (body == null ? "no body" : body.getClass().getName()));
    }
}
