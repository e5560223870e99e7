package dev.lucidscim.camel;

/**
 * Producer operations; which apply to users and which to groups is {@link LucidScimResource#operations()}. Their
 * {@code toString()} is the name written in endpoint URIs ({@code operation=addMembers}) and in the
 * {@code CamelLucidScimOperation} header.
 */
public enum LucidScimOperation {
    /** POST a new user or group. */
    CREATE,
    /** GET one resource by id. */
    GET,
    /** GET with a filter; all pages, or one page when a start index is given. */
    SEARCH,
    /** PUT: replace the whole resource. */
    REPLACE,
    /** PATCH with the operations in the body. */
    PATCH,
    /** DELETE; for users a permanent delete that needs allowHardDelete=true. */
    DELETE,
    /** Match, then create if absent, update only what differs, or change nothing. */
    UPSERT,
    /** PATCH a user's active flag to false: Lucid's recommended way to remove a user. */
    DEACTIVATE,
    /** PATCH a user's active flag to true. */
    REACTIVATE,
    /** PATCH members into a group. */
    ADD_MEMBERS,
    /** PATCH members out of a group. */
    REMOVE_MEMBERS,
    /** Bring Lucid's users to the roster in the body: creates, updates, reactivations, deactivations. */
    RECONCILE,
    /**
     * Apply the {@code ChangePlan} in the body (a dry run's plan): each write only if its resource did not change
     * since it was planned (If-Match), else skipped; through the deletion breaker.
     */
    APPLY,
    /** Apply the pending plan named by the CamelLucidScimPlanId header, exactly as stored, then remove it. */
    APPROVE,
    /** Drop the pending plan named by the CamelLucidScimPlanId header, unapplied. */
    REJECT,
    /**
     * Undo a run (header CamelLucidScimRunId) from its audit records: the inverse plan, as the body with
     * dryRun=true, else applied.
     */
    REVERT;

    /**
     * Reads an operation name case-insensitively, as written in URIs ({@code addMembers}) or as the constant
     * ({@code ADD_MEMBERS}); null when there is no such operation.
     */
    public static LucidScimOperation fromName(String name) {
        return EnumNames.find(LucidScimOperation.class, name.strip());
    }

    @Override
    public String toString() {
        return EnumNames.lowerCamel(this);
    }
}
