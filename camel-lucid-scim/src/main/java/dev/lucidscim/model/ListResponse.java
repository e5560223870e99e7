package dev.lucidscim.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a query (RFC 7644 section 3.4.2). Servers disagree on {@code itemsPerPage} and some report a wrong
 * {@code totalResults}; Lucid leaves deactivated users out of both. Paging code advances by
 * {@code resources().size()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListResponse<T>(
        List<String> schemas,
        Integer totalResults,
        Integer startIndex,
        Integer itemsPerPage,
        @JsonProperty("Resources") List<T> resources) {

    public ListResponse {
        schemas = Attributes.copyOfNullable(schemas);
        resources = resources == null ? List.of() : Attributes.copyOfNullable(resources);
    }
}
