package dev.lucidscim.model;

import java.util.List;
import java.util.Map;

/** What every SCIM resource has: the client uses it to handle users and groups alike. */
public interface ScimResource {

    List<String> schemas();

    String id();

    String externalId();

    ScimMeta meta();

    /** Attributes, including extension schemas, that the model does not know; kept for round trips. */
    Map<String, Object> extra();
}
