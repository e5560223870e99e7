package dev.lucidscim.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema URNs of RFC 7643/7644 and of Lucid's extensions. Extension attributes are addressed in PATCH paths and
 * filters as {@code <urn>:<attribute>}.
 */
public final class ScimSchemas {

    public static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** Lucid's first licensing extension: {@code productLicenses}. */
    public static final String LUCID_USER_V1 = "urn:ietf:params:scim:schemas:extension:lucid:1.0:User";
    /** Lucid's second licensing extension: {@code productLicenses} and {@code billingCode}. */
    public static final String LUCID_USER_V2 = "urn:ietf:params:scim:schemas:extension:lucid:2.0:User";

    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    private ScimSchemas() {
    }

    /**
     * The {@code schemas} RFC 7643 section 3 requires of a resource sent: the core schema first, then those given,
     * then the URN of every extension whose attributes are present, each once.
     *
     * @param extensionsPresent the URNs of the extensions the model knows that are set
     * @param unknownAttributes the attributes the model does not know: those named by a URN are extensions
     */
    static List<String> required(String core, List<String> given, Collection<String> extensionsPresent,
                                 Map<String, Object> unknownAttributes) {
        Set<String> all = new LinkedHashSet<>();
        all.add(core);
        if (given != null) {
            all.addAll(given);
        }
        all.addAll(extensionsPresent);
        unknownAttributes.keySet().stream().filter(name -> name.startsWith("urn:")).forEach(all::add);
        return new ArrayList<>(all);
    }
}
