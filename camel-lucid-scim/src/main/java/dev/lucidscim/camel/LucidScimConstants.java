package dev.lucidscim.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the lucid-scim component. */
public final class LucidScimConstants {

    @Metadata(label = "producer", description = "In: the operation to perform, overriding the endpoint's operation "
                                                + "option for this message.",
              javaType = "dev.lucidscim.camel.LucidScimOperation",
              enums = "create,get,search,replace,patch,delete,upsert,deactivate,reactivate,addMembers,removeMembers,"
                      + "reconcile,apply,approve,reject,revert")
    public static final String OPERATION = "CamelLucidScimOperation";

    @Metadata(description = "The Lucid id of the resource (such as lucid-1234 or lucid-group-1234). In: the resource "
                            + "that get, replace, patch, delete, deactivate, reactivate, addMembers and removeMembers "
                            + "work on (else the body's id is used); for upsert, read the user by id instead of "
                            + "searching (finds deactivated users, which Lucid hides from searches). Out: the id of "
                            + "the resource created, read or changed.",
              javaType = "String")
    public static final String RESOURCE_ID = "CamelLucidScimResourceId";

    @Metadata(label = "producer", description = "In: the SCIM filter for search, overriding the filter option: one eq "
                                                + "comparison with a quoted value, the only filter Lucid supports.",
              javaType = "String")
    public static final String FILTER = "CamelLucidScimFilter";

    @Metadata(label = "producer", description = "In: comma-separated attributes to return, overriding the attributes "
                                                + "option.",
              javaType = "String")
    public static final String ATTRIBUTES = "CamelLucidScimAttributes";

    @Metadata(label = "producer", description = "In: comma-separated attributes to leave out, overriding the "
                                                + "excludedAttributes option.",
              javaType = "String")
    public static final String EXCLUDED_ATTRIBUTES = "CamelLucidScimExcludedAttributes";

    @Metadata(label = "producer", description = "In, for search: return only the page starting at this 1-based index "
                                                + "instead of all pages.",
              javaType = "Integer")
    public static final String START_INDEX = "CamelLucidScimStartIndex";

    @Metadata(label = "producer", description = "In, for search of one page: the page size, overriding pageSize.",
              javaType = "Integer")
    public static final String COUNT = "CamelLucidScimCount";

    @Metadata(label = "producer", description = "In, for addMembers and removeMembers: the member ids, as a "
                                                + "collection or a comma-separated string (else the body is used).",
              javaType = "java.util.List<String>")
    public static final String MEMBER_IDS = "CamelLucidScimMemberIds";

    @Metadata(label = "producer", description = "Out: the HTTP status of Lucid's answer to the last request.",
              javaType = "Integer")
    public static final String STATUS_CODE = "CamelLucidScimStatusCode";

    @Metadata(label = "producer", description = "Out: the ETag (resource version) Lucid returned, if any.",
              javaType = "String")
    public static final String ETAG = "CamelLucidScimETag";

    @Metadata(label = "producer", description = "Out: the URL of the resource answered: the Location header, else "
                                                + "the resource's meta.location (some servers give only that).",
              javaType = "String")
    public static final String LOCATION = "CamelLucidScimLocation";

    @Metadata(label = "producer", description = "Out, for search: totalResults of the page read, or the number of "
                                                + "resources returned when all pages were read. Lucid does not "
                                                + "count deactivated users.",
              javaType = "Integer")
    public static final String TOTAL_RESULTS = "CamelLucidScimTotalResults";

    @Metadata(label = "producer", description = "Out, for search: true when a filtered search reached Lucid's cap "
                                                + "on a filtered query (filteredResultCap, 10,000): the results may "
                                                + "miss matches, so they are not complete; false otherwise.",
              javaType = "Boolean")
    public static final String RESULTS_CAPPED = "CamelLucidScimResultsCapped";

    @Metadata(label = "producer", description = "Out: what the operation did: created, updated, unchanged, "
                                                + "deactivated, reactivated, deleted, archived, membersAdded or "
                                                + "membersRemoved. With integration contentAccess, a delete of a team "
                                                + "is archived and a create (or upsert) that restored an archived "
                                                + "team is reactivated.",
              javaType = "String")
    public static final String OUTCOME = "CamelLucidScimOutcome";

    @Metadata(description = "Out. Producer, for upsert: the attribute paths that differed and were changed (empty when "
                            + "unchanged or created). Consumer, for updated: the tracked attributes that changed.",
              javaType = "java.util.List<String>")
    public static final String CHANGED_ATTRIBUTES = "CamelLucidScimChangedAttributes";

    @Metadata(label = "producer", description = "Out, for upsert of users: the attribute paths of the message's user "
                                                + "that were not changed because the tenant does not keep them "
                                                + "(licences on an account that licenses through org groups): found "
                                                + "by this write, or found before and left out of it. Empty when none.",
              javaType = "java.util.List<String>")
    public static final String IGNORED_ATTRIBUTES = "CamelLucidScimIgnoredAttributes";

    @Metadata(label = "consumer", description = "What happened to the resource since the previous poll: created, "
                                                + "updated, removed, deactivated, deleted or reactivated (changes "
                                                + "mode only).",
              javaType = "String", enums = "created,updated,removed,deactivated,deleted,reactivated")
    public static final String CHANGE_TYPE = "CamelLucidScimChangeType";

    @Metadata(label = "consumer", description = "A stable id of the change (resource id, type and new fingerprint): "
                                                + "the same change delivered twice has the same id, so an idempotent "
                                                + "consumer can drop the repeat.",
              javaType = "String")
    public static final String CHANGE_ID = "CamelLucidScimChangeId";

    @Metadata(label = "consumer", description = "For updated, removed, deactivated and deleted: the tracked "
                                                + "attributes as they were, as a partial ScimUser or ScimGroup.",
              javaType = "dev.lucidscim.model.ScimResource")
    public static final String PREVIOUS = "CamelLucidScimPrevious";

    @Metadata(label = "consumer", description = "For groups: the ids of members added since the previous poll "
                                                + "(every member for a created group).",
              javaType = "java.util.List<String>")
    public static final String MEMBERS_ADDED = "CamelLucidScimMembersAdded";

    @Metadata(label = "consumer", description = "For groups: the ids of members removed since the previous poll.",
              javaType = "java.util.List<String>")
    public static final String MEMBERS_REMOVED = "CamelLucidScimMembersRemoved";

    @Metadata(label = "producer", description = "In, for approve and reject: the id of the pending plan to apply or "
                                                + "drop. Out, for a reconcile or apply that tripped the deletion "
                                                + "breaker: the id of the plan stored as pending for approval.",
              javaType = "String")
    public static final String PLAN_ID = "CamelLucidScimPlanId";

    @Metadata(label = "producer", description = "The id of a run, which every audit record of its writes holds. In: "
                                                + "for revert, the run to undo; for any other operation, the run its "
                                                + "writes are recorded under (else the exchange id). A plan applied "
                                                + "(reconcile, apply, approve, revert) is a run whose id is the "
                                                + "plan's id, set as this header on the way out.",
              javaType = "String")
    public static final String RUN_ID = "CamelLucidScimRunId";

    @Metadata(label = "producer", description = "In, for approve and reject: who decided, written to the log line "
                                                + "(and the ledger) that records the decision.",
              javaType = "String")
    public static final String APPROVED_BY = "CamelLucidScimApprovedBy";

    private LucidScimConstants() {
    }
}
