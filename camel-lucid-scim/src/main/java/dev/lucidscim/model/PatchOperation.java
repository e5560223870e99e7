package dev.lucidscim.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One operation of a PATCH request (RFC 7644 section 3.5.2). {@code path} may be null (the value then holds
 * attributes of the resource itself); extension attributes are addressed as {@code <schemaURN>:<attribute>}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatchOperation(Op op, String path, Object value) {

    /** The three operations, written lower-case as the RFC and Lucid's examples do. */
    public enum Op {
        ADD, REMOVE, REPLACE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Op fromJson(String op) {
            return Op.valueOf(op.trim().toUpperCase(Locale.ROOT));
        }
    }

    public static PatchOperation add(String path, Object value) {
        return new PatchOperation(Op.ADD, path, value);
    }

    public static PatchOperation replace(String path, Object value) {
        return new PatchOperation(Op.REPLACE, path, value);
    }

    public static PatchOperation remove(String path) {
        return new PatchOperation(Op.REMOVE, path, null);
    }

    public static PatchOperation remove(String path, Object value) {
        return new PatchOperation(Op.REMOVE, path, value);
    }

    /** The operation as SCIM JSON without any password: it may set one, and toString() ends up in logs. */
    @Override
    public String toString() {
        return "PatchOperation" + ScimJson.toJson(Passwords.remove(ScimJson.toTree(this)));
    }
}
