package dev.lucidscim.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the builders of users and groups have alike: the common attributes and the unknown ones. */
public abstract class ResourceBuilder<B extends ResourceBuilder<B>> {

    protected List<String> schemas;
    protected String id;
    protected String externalId;
    protected ScimMeta meta;
    protected final Map<String, Object> extra = new LinkedHashMap<>();

    protected ResourceBuilder() {
    }

    protected ResourceBuilder(ScimResource resource) {
        schemas = resource.schemas();
        id = resource.id();
        externalId = resource.externalId();
        meta = resource.meta();
        extra.putAll(resource.extra());
    }

    public B schemas(List<String> schemas) {
        this.schemas = schemas;
        return self();
    }

    public B id(String id) {
        this.id = id;
        return self();
    }

    public B externalId(String externalId) {
        this.externalId = externalId;
        return self();
    }

    public B meta(ScimMeta meta) {
        this.meta = meta;
        return self();
    }

    /** Any other attribute or extension schema, written as given. */
    public B attribute(String name, Object value) {
        extra.put(name, value);
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
