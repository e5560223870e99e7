package dev.lucidscim.camel.producer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.LucidScimOperation;
import dev.lucidscim.client.ResourceIds;
import dev.lucidscim.client.SearchQuery;
import dev.lucidscim.error.ScimValidationException;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimReference;
import dev.lucidscim.model.ScimResource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;

/**
 * Reads what an operation needs from the message, and checks it: the operation, a typed body (model object,
 * {@code Map} in SCIM shape or JSON), the resource id, member ids and the search headers. Anything missing or
 * unreadable is a {@link ScimValidationException} that says what to send instead; nothing has been sent yet.
 */
final class MessageInput {

    private MessageInput() {
    }

    /**
     * The {@code CamelLucidScimOperation} header (an operation or its name, in any case), else the endpoint's
     * {@code operation}.
     */
    static LucidScimOperation operation(Message message, LucidScimOperation configured) {
        Object header = message.getHeader(LucidScimConstants.OPERATION);
        LucidScimOperation operation;
        if (header == null) {
            operation = configured;
        } else if (header instanceof LucidScimOperation typed) {
            operation = typed;
        } else {
            operation = LucidScimOperation.fromName(header.toString());
            if (operation == null) {
                throw ScimValidationException.beforeRequest("Unknown operation '" + header + "' in header "
                                                            + LucidScimConstants.OPERATION + ": use one of "
                                                            + Arrays.toString(LucidScimOperation.values()));
            }
        }
        if (operation == null) {
            throw ScimValidationException.beforeRequest("No operation: set operation=... on the endpoint or the "
                                                        + LucidScimConstants.OPERATION + " header");
        }
        return operation;
    }

    /** The body as {@code type}: the model object itself, or converted from a {@code Map} or JSON. */
    static <T> T body(Exchange exchange, Class<T> type, LucidScimOperation operation) {
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
     * or stream); empty when it is something else, such as a plain list of member ids. A body that holds a group
     * but is not a valid one fails.
     */
    static Optional<ScimGroup> groupBody(Exchange exchange, LucidScimOperation operation) {
        Object body = exchange.getMessage().getBody();
        boolean holdsGroup = body instanceof ScimGroup || body instanceof Map<?, ?> || body instanceof byte[]
                             || body instanceof InputStream
                             || body instanceof String text && text.strip().startsWith("{");
        return holdsGroup ? Optional.of(body(exchange, ScimGroup.class, operation)) : Optional.empty();
    }

    /** The {@code CamelLucidScimResourceId} header's id, for operations whose body is something else. */
    static String idFromHeader(Message message) {
        return checkedId(message.getHeader(LucidScimConstants.RESOURCE_ID, String.class));
    }

    /** The {@code CamelLucidScimResourceId} header's id, checked, when the header is set. */
    static Optional<String> optionalIdFromHeader(Message message) {
        return Optional.ofNullable(message.getHeader(LucidScimConstants.RESOURCE_ID, String.class))
                .map(MessageInput::checkedId);
    }

    /** The id from the {@code CamelLucidScimResourceId} header, or else from the body's {@code id}. */
    static String idFromHeaderOrBody(Exchange exchange, Class<? extends ScimResource> type,
                                     LucidScimOperation operation) {
        return optionalIdFromHeaderOrBody(exchange, type, operation).orElseGet(() -> checkedId(null));
    }

    /**
     * The id from the {@code CamelLucidScimResourceId} header, or else from the body's {@code id}; empty when the
     * body is a resource without an id, which the operation may find by another attribute. With neither header nor
     * body there is nothing to find it by, and that fails.
     */
    static Optional<String> optionalIdFromHeaderOrBody(Exchange exchange, Class<? extends ScimResource> type,
                                                       LucidScimOperation operation) {
        Message message = exchange.getMessage();
        if (message.getHeader(LucidScimConstants.RESOURCE_ID, String.class) != null || message.getBody() == null) {
            return Optional.of(idFromHeader(message));
        }
        return Optional.ofNullable(body(exchange, type, operation).id()).map(MessageInput::checkedId);
    }

    /**
     * Member ids from the {@code CamelLucidScimMemberIds} header, else the body: a collection of ids, references or
     * maps with a {@code value}, a comma-separated string, or a {@link ScimGroup} whose members are meant.
     */
    static List<String> memberIds(Message message) {
        Object source = message.getHeader(LucidScimConstants.MEMBER_IDS);
        if (source == null) {
            source = message.getBody();
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
        List<String> problems = ids.stream().map(ResourceIds::problemWith).filter(Objects::nonNull).toList();
        if (!problems.isEmpty()) {
            throw ScimValidationException.beforeRequest(problems);
        }
        return ids;
    }

    /** Whether the {@code CamelLucidScimStartIndex} header asks a search for the one page starting there. */
    static boolean asksForOnePage(Message message) {
        return message.getHeader(LucidScimConstants.START_INDEX, Integer.class) != null;
    }

    /**
     * The search the headers ask for ({@code CamelLucidScimFilter}, {@code ...Attributes},
     * {@code ...ExcludedAttributes}, {@code ...StartIndex}, {@code ...Count}), each defaulting to the endpoint's.
     */
    static SearchQuery searchQuery(Message message, LucidScimConfiguration configuration) {
        Integer startIndex = message.getHeader(LucidScimConstants.START_INDEX, Integer.class);
        Integer count = message.getHeader(LucidScimConstants.COUNT, Integer.class);
        String filter = message.getHeader(LucidScimConstants.FILTER, configuration.getFilter(), String.class);
        try {
            return new SearchQuery(filter, attributes(message, configuration),
                    excludedAttributes(message, configuration), startIndex == null ? 1 : startIndex,
                    count == null ? configuration.getPageSize() : count);
        } catch (IllegalArgumentException e) {
            throw ScimValidationException.beforeRequest(e.getMessage());
        }
    }

    /** The {@code CamelLucidScimAttributes} header, else the endpoint's {@code attributes}. */
    static String attributes(Message message, LucidScimConfiguration configuration) {
        return message.getHeader(LucidScimConstants.ATTRIBUTES, configuration.getAttributes(), String.class);
    }

    /** The {@code CamelLucidScimExcludedAttributes} header, else the endpoint's {@code excludedAttributes}. */
    static String excludedAttributes(Message message, LucidScimConfiguration configuration) {
        return message.getHeader(LucidScimConstants.EXCLUDED_ATTRIBUTES, configuration.getExcludedAttributes(),
                String.class);
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

    private static String checkedId(String id) {
        String problem = ResourceIds.problemWith(id);
        if (problem != null) {
            throw ScimValidationException.beforeRequest(problem);
        }
        return id;
    }
}
