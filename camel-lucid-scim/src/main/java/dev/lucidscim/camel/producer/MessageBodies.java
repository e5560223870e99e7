package dev.lucidscim.camel.producer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.client.ResourceIds;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.ScimResource;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;

/**
 * Reads what an operation needs from the message: a typed body (model object, {@code Map} in SCIM shape or JSON),
 * the resource id and member ids. Anything missing or unreadable is a {@link ScimValidationException} that says what
 * to send instead; nothing has been sent yet.
 */
final class MessageBodies {

    private MessageBodies() {
    }

    static <T> T required(Exchange exchange, Class<T> type, String operation) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw ScimValidationException.beforeRequest("No body: operation " + operation + " expects a "
                                                        + type.getSimpleName()
                                                        + ", a Map in SCIM shape or a JSON document");
        }
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        try {
            return exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, body);
        } catch (NoTypeConversionAvailableException e) {
            throw ScimValidationException.beforeRequest("Operation " + operation + " cannot read a "
                                                        + type.getSimpleName() + " from a body of type "
                                                        + body.getClass().getName()
                                                        + ": send the model object, a Map or JSON");
        } catch (TypeConversionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
            throw ScimValidationException.beforeRequest("The body is not a valid " + type.getSimpleName() + ": "
                                                        + reason);
        }
    }

    /**
     * The body as a group when it is one or holds one (a {@code Map} in SCIM shape, or a JSON object as text, bytes
     * or stream), else null: for operations whose body may also be a plain list of ids.
     */
    static ScimGroup groupOrNull(Exchange exchange, String operation) {
        Object body = exchange.getMessage().getBody();
        boolean holdsGroup = body instanceof ScimGroup || body instanceof Map<?, ?> || body instanceof byte[]
                             || body instanceof java.io.InputStream
                             || body instanceof String text && text.strip().startsWith("{");
        return holdsGroup ? required(exchange, ScimGroup.class, operation) : null;
    }

    /** The id from the {@code CamelLucidScimResourceId} header, or else from the body's {@code id}. */
    static String resourceId(Exchange exchange, Class<? extends ScimResource> type) {
        String id = exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class);
        if (id == null && exchange.getMessage().getBody() != null) {
            id = bodyResource(exchange, type).id();
        }
        return checkedId(id);
    }

    /** The header's id only, for operations whose body is something else (a patch, member ids). */
    static String headerResourceId(Exchange exchange) {
        return checkedId(exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class));
    }

    /** The header's id when present (checked), else null. */
    static String optionalHeaderResourceId(Exchange exchange) {
        String id = exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class);
        return id == null ? null : checkedId(id);
    }

    /**
     * Member ids from the {@code CamelLucidScimMemberIds} header, else the body: a collection of ids, references or
     * maps with a {@code value}, a comma-separated string, or a {@link ScimGroup} whose members are meant.
     */
    static List<String> memberIds(Exchange exchange) {
        Object source = exchange.getMessage().getHeader(LucidScimConstants.MEMBER_IDS);
        if (source == null) {
            source = exchange.getMessage().getBody();
        }
        if (source instanceof ScimGroup group) {
            source = group.members();
        }
        List<String> ids = new ArrayList<>();
        if (source instanceof Collection<?> values) {
            values.forEach(value -> ids.add(memberId(value)));
        } else if (source instanceof String text) {
            Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw ScimValidationException.beforeRequest("No member ids: set the CamelLucidScimMemberIds header (a list "
                                                        + "or comma-separated ids) or send them as the body");
        }
        List<String> problems = ids.stream().map(ResourceIds::problemWith).filter(p -> p != null).toList();
        if (!problems.isEmpty()) {
            throw ScimValidationException.beforeRequest(problems);
        }
        return ids;
    }

    private static String memberId(Object value) {
        if (value instanceof ScimReference reference) {
            return reference.value();
        }
        if (value instanceof Map<?, ?> map) {
            return map.get("value") == null ? null : map.get("value").toString();
        }
        return value == null ? null : value.toString();
    }

    private static ScimResource bodyResource(Exchange exchange, Class<? extends ScimResource> type) {
        return required(exchange, type, "this operation");
    }

    private static String checkedId(String id) {
        String problem = ResourceIds.problemWith(id);
        if (problem != null) {
            throw ScimValidationException.beforeRequest(problem);
        }
        return id;
    }
}
