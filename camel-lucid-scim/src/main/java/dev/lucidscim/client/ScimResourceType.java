package dev.lucidscim.client;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JavaType;
import dev.lucidscim.model.ScimGroup;
import dev.lucidscim.model.ScimJson;
import dev.lucidscim.model.ScimResource;
import dev.lucidscim.model.ScimSchemas;
import dev.lucidscim.model.ScimUser;

/** A resource endpoint of the tenant ({@code /Users}, {@code /Groups}) and the model class it maps to. */
public final class ScimResourceType<T extends ScimResource> {

    public static final ScimResourceType<ScimUser> USERS = new ScimResourceType<>("/Users", "user", ScimUser.class,
            ScimSchemas.CORE_USER, ScimUser::withRequiredSchemas);
    public static final ScimResourceType<ScimGroup> GROUPS = new ScimResourceType<>("/Groups", "group",
            ScimGroup.class, ScimSchemas.CORE_GROUP, ScimGroup::withRequiredSchemas);

    private final String path;
    private final String noun;
    private final Class<T> modelClass;
    private final String coreSchema;
    private final JavaType modelType;
    private final JavaType listResponseType;
    private final UnaryOperator<T> withRequiredSchemas;

    private ScimResourceType(String path, String noun, Class<T> modelClass, String coreSchema,
                             UnaryOperator<T> withRequiredSchemas) {
        this.path = path;
        this.coreSchema = coreSchema;
        this.noun = noun;
        this.modelClass = modelClass;
        this.withRequiredSchemas = withRequiredSchemas;
        this.modelType = ScimJson.typeOf(modelClass);
        this.listResponseType = ScimJson.listResponseOf(modelClass);
    }

    public String path() {
        return path;
    }

    /** The SCIM name of the resource type: {@code User}, {@code Group}. */
    public String resourceName() {
        return path.substring(1, path.length() - 1);
    }

    /** What one resource is called in messages: "user", "group". */
    public String noun() {
        return noun;
    }

    public Class<T> modelClass() {
        return modelClass;
    }

    /** The URN of the resource's core schema. */
    String coreSchema() {
        return coreSchema;
    }

    JavaType modelType() {
        return modelType;
    }

    JavaType listResponseType() {
        return listResponseType;
    }

    /** The resource as a POST or PUT sends it: {@code schemas} listing the core schema and its extensions. */
    T withRequiredSchemas(T resource) {
        return withRequiredSchemas.apply(resource);
    }

    String pathOf(String id) {
        return path + "/" + ResourceIds.toPathSegment(id);
    }

    @Override
    public String toString() {
        return path;
    }
}
