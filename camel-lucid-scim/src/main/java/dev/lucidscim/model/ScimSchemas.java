package dev.lucidscim.model;

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
}
