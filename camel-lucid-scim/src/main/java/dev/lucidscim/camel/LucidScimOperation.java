package dev.lucidscim.camel;

/**
 * Producer operations. Names are written as in endpoint URIs ({@code operation=addMembers}) and in the
 * {@code CamelLucidScimOperation} header; which apply to users and which to groups is
 * {@link LucidScimResource#operations()}.
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
