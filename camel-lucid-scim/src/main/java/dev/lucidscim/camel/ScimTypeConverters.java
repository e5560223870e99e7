package dev.lucidscim.camel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.producer.reconcile.ReconcileReport;
import dev.lucidscim.model.ListResponse;
import dev.lucidscim.model.Passwords;
import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.plan.ChangePlan;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Makes the component's bodies travel through Camel's type converters, always as the SCIM JSON the component sends
 * (through its own mapper: ISO dates, no nulls, extension schemas and unknown attributes kept):
 * <ul>
 * <li>in: a {@link ScimUser}, {@link ScimGroup} or {@link PatchRequest} from a {@code Map} in SCIM shape, a Jackson
 * {@link JsonNode} or JSON ({@code String}, {@code byte[]}, {@code InputStream}); a {@code List} of operations to a
 * {@link PatchRequest};</li>
 * <li>out: any of those, a {@link ChangePlan}, a {@link ReconcileReport}, a {@link ListResponse} or a {@code List} of users or groups (what
 * {@code search} returns) to {@code String}, {@code byte[]}, {@code InputStream}, {@code Map} (a list: only to the
 * JSON forms) and {@link JsonNode}.</li>
 * </ul>
 * The text forms never hold a password (see {@link Passwords}): they reach logs through {@code ${body}}, files and
 * queues. To carry a password, send the typed user to lucid-scim, or marshal it with a data format. Both are fallback
 * converters, which Camel asks before its own last resort, {@code toString()}.
 */
@Converter(generateLoader = true)
public final class ScimTypeConverters {

    private ScimTypeConverters() {
    }

    @Converter(fallback = true)
    public static <T> T toScimModel(Class<T> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (!isReadableModel(type) || value == null) {
            return null;
        }
        try {
            if (value instanceof Map<?, ?> || value instanceof JsonNode) {
                return ScimJson.convert(value, type);
            }
            if (value instanceof Collection<?> operations && type == PatchRequest.class) {
                return type.cast(PatchRequest.of(operations.stream()
                        .map(operation -> ScimJson.convert(operation, PatchOperation.class)).toList()));
            }
            if (value instanceof CharSequence json) {
                return ScimJson.read(json.toString().getBytes(StandardCharsets.UTF_8), type);
            }
            if (value instanceof byte[] json) {
                return ScimJson.read(json, type);
            }
            if (value instanceof InputStream json) {
                return ScimJson.read(json, type);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new TypeConversionException(value, type, e);
        }
        return null;
    }

    @Converter(fallback = true)
    public static <T> T fromScimModel(Class<T> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (!isWritableModel(value)) {
            return null;
        }
        // Text forms end up in logs (${body}, log:...?showBody), files and queues: never with a password.
        JsonNode json = Passwords.remove(ScimJson.toTree(value));
        Object converted = null;
        if (type == String.class) {
            converted = ScimJson.toJson(json);
        } else if (type == byte[].class) {
            converted = ScimJson.toBytes(json);
        } else if (type == InputStream.class) {
            converted = new ByteArrayInputStream(ScimJson.toBytes(json));
        } else if (type == JsonNode.class) {
            converted = json;
        } else if (type == Map.class && json.isObject()) {
            converted = ScimJson.convert(json, Map.class);
        }
        return type.cast(converted);
    }

    private static boolean isReadableModel(Class<?> type) {
        return type == ScimUser.class || type == ScimGroup.class || type == PatchRequest.class
               || type == ChangePlan.class;
    }

    private static boolean isWritableModel(Object value) {
        if (value instanceof List<?> list) {
            return !list.isEmpty() && list.stream().allMatch(ScimResource.class::isInstance);
        }
        return value instanceof ScimResource || value instanceof PatchRequest || value instanceof ReconcileReport
               || value instanceof ListResponse<?> || value instanceof ChangePlan;
    }
}
