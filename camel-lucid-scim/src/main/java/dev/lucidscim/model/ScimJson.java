package dev.lucidscim.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The component's own Jackson 2 mapper: nulls are not written, dates are ISO-8601, unknown attributes are kept by
 * the model's records. It is private to the component so that an application's mapper (Spring Boot 4 uses
 * Jackson 3) neither changes SCIM JSON nor is changed by it.
 */
public final class ScimJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new BlackbirdModule())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ScimJson() {
    }

    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON: "
                                               + e.getOriginalMessage(), e);
        }
    }

    public static String toJson(Object value) {
        return new String(toBytes(value), StandardCharsets.UTF_8);
    }

    /** Reads JSON; a malformed or wrongly typed document throws {@link IOException} with Jackson's location. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    public static <T> T read(byte[] json, JavaType type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    public static <T> T read(InputStream json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    public static JsonNode readTree(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** Converts between shapes, for example a {@code Map} in SCIM shape to a {@link ScimUser}. */
    public static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static JavaType typeOf(Class<?> type) {
        return MAPPER.constructType(type);
    }

    /** The type of a page of {@code resourceType}, for reading list responses. */
    public static JavaType listResponseOf(Class<?> resourceType) {
        return MAPPER.getTypeFactory().constructParametricType(ListResponse.class, resourceType);
    }

    /** Writes a string as a JSON string literal, quoted and escaped: the SCIM filter's value syntax. */
    public static String quote(String value) {
        return toJson(value);
    }

}
