package dev.lucidscim.camel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

import dev.lucidscim.model.PatchOperation;
import dev.lucidscim.model.PatchRequest;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Lets routes hand the component (and {@code convertBodyTo}) a {@link ScimUser}, {@link ScimGroup} or
 * {@link PatchRequest} as a {@code Map} in SCIM shape or as JSON ({@code String}, {@code byte[]},
 * {@code InputStream}); a {@code List} of operations also converts to a {@link PatchRequest}. Conversion goes through
 * the component's own Jackson mapper.
 */
@Converter(generateLoader = true)
public final class ScimTypeConverters {

    private ScimTypeConverters() {
    }

    @Converter(fallback = true)
    public static <T> T toScimModel(Class<T> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (!isScimModel(type) || value == null) {
            return null;
        }
        try {
            if (value instanceof Map<?, ?> map) {
                return ScimJson.convert(map, type);
            }
            if (value instanceof Collection<?> operations && type == PatchRequest.class) {
                return type.cast(PatchRequest.of(operations.stream()
                        .map(operation -> ScimJson.convert(operation, PatchOperation.class)).toList()));
            }
            if (value instanceof CharSequence json) {
                return ScimJson.read(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
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

    private static boolean isScimModel(Class<?> type) {
        return type == ScimUser.class || type == ScimGroup.class || type == PatchRequest.class;
    }
}
