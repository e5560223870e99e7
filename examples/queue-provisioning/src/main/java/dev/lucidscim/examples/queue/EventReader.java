package dev.lucidscim.examples.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.camel.producer.InputValidation;
import dev.lucidscim.examples.queue.ProvisioningEvent.Type;
import dev.lucidscim.error.OneLine;

/**
 * Reads an event from its JSON text and rejects, with every problem named, what can never be provisioned. Fields
 * other than those of {@link ProvisioningEvent} are ignored, so that producers may add their own.
 */
public final class EventReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNREADABLE = "an unreadable message";

    private EventReader() {
    }

    public static ProvisioningEvent read(String text) {
        JsonNode event = parse(text);
        String type = field(event, "type");
        String employeeId = field(event, "employeeId");
        String email = field(event, "email");
        List<String> problems = new ArrayList<>();
        Optional<Type> knownType = Type.fromJson(type);
        if (type == null) {
            problems.add("type is missing: expected one of " + Type.expected());
        } else if (knownType.isEmpty()) {
            problems.add("type " + OneLine.quoted(type) + " is not one of " + Type.expected());
        }
        if (email == null) {
            problems.add("email is missing: it is the person's Lucid userName");
        } else if (!InputValidation.isEmail(email)) {
            // The component's own rule, applied here because a leaver's address is only searched for, never checked.
            problems.add("email " + OneLine.quoted(email) + " is not a valid address");
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventException(ProvisioningEvent.describe(type, employeeId, email),
                    String.join("; ", problems));
        }
        return new ProvisioningEvent(knownType.get(), employeeId, email.toLowerCase(Locale.ROOT),
                field(event, "firstName"), field(event, "lastName"), field(event, "department"), field(event, "title"));
    }

    private static JsonNode parse(String text) {
        JsonNode event;
        try {
            event = JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(UNREADABLE, "not JSON: " + e.getOriginalMessage());
        }
        if (!event.isObject()) {
            throw new InvalidEventException(UNREADABLE, "not a JSON object");
        }
        return event;
    }

    /** A field's text, stripped; null when missing, blank or not a plain value. */
    private static String field(JsonNode event, String name) {
        JsonNode value = event.path(name);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
