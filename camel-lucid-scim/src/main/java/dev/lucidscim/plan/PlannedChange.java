package dev.lucidscim.plan;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lucidscim.audit.AttributeChange;

/**
 * One write of a {@link ChangePlan}.
 *
 * @param resourceType {@code User} or {@code Group}
 * @param action       {@code create}, {@code update}, {@code reactivate}, {@code deactivate} (users) or
 *                     {@code create}, {@code update} (groups)
 * @param id           the Lucid id written (null for a create)
 * @param name         the userName or displayName
 * @param version      the resource's version ({@code ETag} / {@code meta.version}) when it was planned; null for a
 *                     create, or when the tenant gave none
 * @param changes      the attributes it changes, before and after
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlannedChange(String resourceType, String action, String id, String name, String version,
                            List<AttributeChange> changes) {

    public PlannedChange {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
