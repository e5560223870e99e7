package dev.lucidscim.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * A Lucid group: an organizational group or a team, depending on the token's integration. {@code displayName} is
 * unique and case-sensitive. {@code members} null means "not given" (left alone by upsert), empty means "no members".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimGroup(
        List<String> schemas,
        String id,
        String externalId,
        ScimMeta meta,
        String displayName,
        List<ScimReference> members,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ScimResource {

    public ScimGroup {
        schemas = Attributes.copyOfNullable(schemas);
        members = Attributes.copyOfNullable(members);
        extra = Attributes.copyOf(extra);
    }

    /**
     * This group with the {@code schemas} a strict server requires: the core schema and every extension whose
     * attributes are present added to those listed (none removed).
     */
    public ScimGroup withRequiredSchemas() {
        return new ScimGroup(ScimSchemas.required(ScimSchemas.CORE_GROUP, schemas, List.of(), extra), id, externalId,
                meta, displayName, members, extra);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a group; {@code schemas} defaults to the core group schema. */
    public static final class Builder extends ResourceBuilder<Builder> {
        private String displayName;
        private List<ScimReference> members;

        private Builder() {
            schemas = List.of(ScimSchemas.CORE_GROUP);
        }

        private Builder(ScimGroup group) {
            super(group);
            if (schemas == null) {
                schemas = List.of(ScimSchemas.CORE_GROUP);
            }
            displayName = group.displayName;
            members = group.members;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder members(List<ScimReference> members) {
            this.members = members;
            return this;
        }

        /** Members by Lucid user (or, for organizational groups, group) id. */
        public Builder memberIds(List<String> ids) {
            return members(ids.stream().map(ScimReference::of).toList());
        }

        public ScimGroup build() {
            return new ScimGroup(schemas, id, externalId, meta, displayName, members, extra);
        }
    }
}
