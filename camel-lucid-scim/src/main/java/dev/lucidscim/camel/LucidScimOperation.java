package dev.lucidscim.camel;

import java.util.EnumSet;
import java.util.Set;

/**
 * Producer operations. Names are written as in endpoint URIs ({@code operation=addMembers}) and in the
 * {@code CamelLucidScimOperation} header.
 */
public enum LucidScimOperation {
    /** POST a new user or group. */
    create,
    /** GET one resource by id. */
    get,
    /** GET with a filter; all pages, or one page when a start index is given. */
    search,
    /** PUT: replace the whole resource. */
    replace,
    /** PATCH with the operations in the body. */
    patch,
    /** DELETE; for users a permanent delete that needs allowHardDelete=true. */
    delete,
    /** Match, then create if absent, update only what differs, or change nothing. */
    upsert,
    /** PATCH a user's active flag to false: Lucid's recommended way to remove a user. */
    deactivate,
    /** PATCH a user's active flag to true. */
    reactivate,
    /** PATCH members into a group. */
    addMembers,
    /** PATCH members out of a group. */
    removeMembers,
    /** Bring Lucid's users to the roster in the body: creates, updates, reactivations, deactivations. */
    reconcile;

    private static final Set<LucidScimOperation> USERS_ONLY = EnumSet.of(deactivate, reactivate, reconcile);
    private static final Set<LucidScimOperation> GROUPS_ONLY = EnumSet.of(addMembers, removeMembers);

    public boolean appliesTo(LucidScimResource resource) {
        return resource == LucidScimResource.users ? !GROUPS_ONLY.contains(this) : !USERS_ONLY.contains(this);
    }

    /** Reads an operation name case-insensitively; null when there is no such operation. */
    public static LucidScimOperation fromName(String name) {
        for (LucidScimOperation operation : values()) {
            if (operation.name().equalsIgnoreCase(name.strip())) {
                return operation;
            }
        }
        return null;
    }
}
