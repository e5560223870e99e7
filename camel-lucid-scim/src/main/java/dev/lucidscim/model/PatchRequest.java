package dev.lucidscim.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A PATCH request body. {@code schemas} is the RFC's PatchOp message URN by default; Lucid's own examples also list
 * the core resource URN, so it can be replaced with {@link #withSchemas(List)}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatchRequest(List<String> schemas, @JsonProperty("Operations") List<PatchOperation> operations) {

    public static final List<String> DEFAULT_SCHEMAS = List.of(ScimSchemas.PATCH_OP);

    public PatchRequest {
        schemas = schemas == null || schemas.isEmpty() ? DEFAULT_SCHEMAS : List.copyOf(schemas);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    public static PatchRequest of(List<PatchOperation> operations) {
        return new PatchRequest(DEFAULT_SCHEMAS, operations);
    }

    public static PatchRequest of(PatchOperation... operations) {
        return of(List.of(operations));
    }

    public PatchRequest withSchemas(List<String> messageSchemas) {
        return new PatchRequest(messageSchemas, operations);
    }
}
