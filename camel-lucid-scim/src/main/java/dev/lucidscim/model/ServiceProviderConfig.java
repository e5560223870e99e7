package dev.lucidscim.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/** What the tenant says it supports (RFC 7643 section 5); read it at run time rather than assuming. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceProviderConfig(
        List<String> schemas,
        String documentationUri,
        Feature patch,
        BulkFeature bulk,
        FilterFeature filter,
        Feature changePassword,
        Feature sort,
        Feature etag,
        List<AuthenticationScheme> authenticationSchemes,
        ScimMeta meta,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ServiceProviderConfig {
        schemas = Attributes.copyOfNullable(schemas);
        authenticationSchemes = Attributes.copyOfNullable(authenticationSchemes);
        extra = Attributes.copyOf(extra);
    }

    /** A feature that is either supported or not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Feature(Boolean supported, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public Feature {
            extra = Attributes.copyOf(extra);
        }
    }

    /** Filtering, with the most resources a filtered query returns. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FilterFeature(Boolean supported, Integer maxResults,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public FilterFeature {
            extra = Attributes.copyOf(extra);
        }
    }

    /** Bulk operations (Lucid: not supported). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkFeature(Boolean supported, Integer maxOperations, Integer maxPayloadSize,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public BulkFeature {
            extra = Attributes.copyOf(extra);
        }
    }

    /** An accepted authentication scheme, such as {@code oauthbearertoken}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthenticationScheme(String type, String name, String description, String specUri,
            String documentationUri, Boolean primary, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public AuthenticationScheme {
            extra = Attributes.copyOf(extra);
        }
    }
}
