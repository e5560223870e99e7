package dev.lucidscim.client;

/**
 * Lucid's limit on a filtered query: it documents that "a filtered query returns at most 10,000 users", not what
 * its {@code totalResults} says past that. A filtered listing that reaches the cap may hold only the first matches,
 * so it cannot be taken as complete: the one rule, used by search and by the consumer, that tells whether it was.
 *
 * @param maxResults the most results the tenant returns for a filtered query
 */
public record FilteredResultCap(int maxResults) {

    /** What Lucid documents. */
    public static final int LUCID_MAX_RESULTS = 10_000;

    public static final FilteredResultCap LUCID = new FilteredResultCap(LUCID_MAX_RESULTS);

    public FilteredResultCap {
        if (maxResults < 1) {
            throw new IllegalArgumentException("filteredResultCap must be 1 or more, not " + maxResults + ": it is the "
                                               + "most results Lucid returns for a filtered query ("
                                               + LUCID_MAX_RESULTS + ")");
        }
    }

    /**
     * Whether what a filtered query returned may have been cut at the cap: its {@code totalResults} is at the cap
     * (Lucid's capped count, or more if Lucid counts every match), or what was read reaches it. An unfiltered query
     * is never capped.
     *
     * @param totalResults  the latest {@code totalResults} Lucid gave, null when it gave none
     * @param resourcesRead how many resources were read from the query's {@code startIndex} on
     */
    public boolean reached(SearchQuery query, Integer totalResults, int resourcesRead) {
        if (query.filter() == null || query.filter().isBlank()) {
            return false;
        }
        long readThrough = query.startIndex() - 1L + resourcesRead;
        return readThrough >= maxResults || totalResults != null && totalResults >= maxResults;
    }

    /** Why a capped query is not complete, naming its filter (on one line, bounded). */
    public String describe(SearchQuery query) {
        return "the filter on " + String.join(", ", ScimFilter.attributesOf(query.filter())) + " reached the " + maxResults
               + " results Lucid returns at most for a filtered query, so matches beyond them are missing: narrow the "
               + "filter (by externalId, userName, emails.value or a productLicenses flag) or list without a filter";
    }
}
