package dev.lucidscim.client;

import java.time.Duration;
import java.util.List;


/**
 * Per-client settings, which endpoints sharing a connection may set differently.
 *
 * @param retryPolicy  what is retried and for how long
 * @param readTimeout  the longest wait for a complete response once a request is sent
 * @param patchSchemas the {@code schemas} of PATCH bodies in place of the {@code patchForm}'s; empty for the form's
 * @param maxListing      the most resources one listing may hold: a server whose pages never end fails the listing
 *                        with {@link dev.lucidscim.error.ScimInvalidResponseException} instead of filling the heap
 * @param pagesInFlight   the most page requests of one listing in flight at once, once its first page told how many
 *                        there are; 1 reads page by page
 * @param membersPerPatch the most member values one membership PATCH, or the POST of a group, carries
 *                        ({@link GroupMembershipPatches})
 * @param memberRemoval   how a PATCH removes members: Lucid's value list, or the RFC's filter for other servers
 * @param patchForm       how a PATCH is sent: the RFC's form, or the form of Lucid's examples
 */
public record ScimClientOptions(RetryPolicy retryPolicy, Duration readTimeout, List<String> patchSchemas,
                                int maxListing, int pagesInFlight, int membersPerPatch, MemberRemoval memberRemoval,
                                PatchForm patchForm) {

    /** Larger than any Lucid account this component was made for; raise it for a larger one. */
    public static final int DEFAULT_MAX_LISTING = 1_000_000;

    /**
     * Requests in flight are rate times round trip: at 25 requests/s (what Microsoft asks SCIM apps to sustain) and
     * 150 ms, about 4 keep a listing at the rate; more would only meet 429s, and take from the writes' budget.
     */
    public static final int DEFAULT_PAGES_IN_FLIGHT = 4;

    /**
     * Lucid documents no limit. 100 is the strictest limit documented by a SCIM service found (AWS IAM Identity
     * Center: 100 membership changes per request; IBM Verify takes 1,000 values) and the maximum Lucid's
     * ServiceProviderConfig advertises for a page: a body of some 3 KB that any server takes, and a 10,000-member
     * group in 100 PATCHes.
     */
    public static final int DEFAULT_MEMBERS_PER_PATCH = 100;

    public static final ScimClientOptions DEFAULT = new ScimClientOptions(RetryPolicy.DEFAULT, Duration.ofSeconds(30),
            List.of(), DEFAULT_MAX_LISTING, DEFAULT_PAGES_IN_FLIGHT, DEFAULT_MEMBERS_PER_PATCH,
            MemberRemoval.VALUE_LIST, PatchForm.RFC);

    /** Options for Lucid: members are removed in its value-list form, PATCHes sent in the RFC's form. */
    public ScimClientOptions(RetryPolicy retryPolicy, Duration readTimeout, List<String> patchSchemas, int maxListing,
                             int pagesInFlight, int membersPerPatch) {
        this(retryPolicy, readTimeout, patchSchemas, maxListing, pagesInFlight, membersPerPatch,
                MemberRemoval.VALUE_LIST, PatchForm.RFC);
    }

    public ScimClientOptions {
        if (readTimeout == null || readTimeout.isZero() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("readTimeout must be positive, not " + readTimeout);
        }
        if (maxListing < 1) {
            throw new IllegalArgumentException("maxListingSize must be 1 or more, not " + maxListing);
        }
        if (pagesInFlight < 1) {
            throw new IllegalArgumentException("pagesInFlight must be 1 or more (1 reads page by page), not "
                                               + pagesInFlight);
        }
        if (membersPerPatch < 1) {
            throw new IllegalArgumentException("membersPerPatch must be 1 or more, not " + membersPerPatch
                                               + ": it is the most member values one PATCH of a group carries");
        }
        if (memberRemoval == null) {
            throw new IllegalArgumentException("memberRemoval must be given: VALUE_LIST for Lucid, VALUE_FILTER for a "
                                               + "server that follows RFC 7644");
        }
        if (patchForm == null) {
            throw new IllegalArgumentException("patchForm must be given: RFC, or LUCID for the form of Lucid's examples");
        }
        patchSchemas = patchSchemas == null ? List.of() : List.copyOf(patchSchemas);
    }
}
