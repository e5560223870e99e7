package dev.lucidscim.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.lucidscim.error.FailedRequest;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.model.ListResponse;
import dev.lucidscim.model.ScimResource;

/**
 * Keeps one listing finite, free of repeats and free of silent gaps, whatever the server sends. Two sets of rules:
 * <p>
 * {@link #doubt} is what a page fetched ahead of its turn must be to be delivered as is: exactly the page asked
 * for ({@code startIndex} as asked, {@code totalResults} as on the first page, as many resources as were due, none
 * listed before). Anything else is a reason to read on page by page, not yet a failure.
 * <p>
 * {@link #admit} is what any page read in its turn must be, or the listing fails with
 * {@link ScimInvalidResponseException}:
 * <ul>
 * <li>the {@code startIndex} asked for, when the page says one;</li>
 * <li>no more resources than {@code totalResults} leaves room for;</li>
 * <li>at least one resource not listed before, when it holds any (a server that answers every {@code startIndex}
 * with the same page does not advance: stopping there would pass a partial listing off as complete, and the
 * consumer would report everyone unlisted as removed, reconcile would create them again);</li>
 * <li>no resource listed before while {@code totalResults} has stayed the same: pages that add up to the total
 * and repeat one leave another out, so the server's order is not stable. When the total changed (the directory
 * changed while it was listed), a repeat is what a resource pushed onto the next page looks like: it is passed on
 * once;</li>
 * <li>no more than {@code maxListing} resources, announced or received, before the heap fills.</li>
 * </ul>
 * The listing ends when the next {@code startIndex} passes the latest {@code totalResults} (a directory that grew
 * while it was listed is read to its new end).
 */
final class ListingGuard<T extends ScimResource> {

    private final int maxListing;
    private final String path;
    private final Set<String> listedIds = new HashSet<>();
    private boolean first = true;
    private Integer firstTotal;
    private Integer latestTotal;
    private boolean totalChanged;

    ListingGuard(int maxListing, String path) {
        this.maxListing = maxListing;
        this.path = path;
    }

    /**
     * The rules for a page fetched ahead of its turn; it changes nothing, so a doubtful page can be dropped unseen.
     *
     * @param due how many resources the page must hold: the page size, or what is left before the total
     * @return why the page cannot be delivered as it is, or null when it can; the reason holds counts and indexes,
     *         never a resource
     */
    String doubt(ListResponse<T> page, int startIndex, int due) {
        if (page.startIndex() != null && page.startIndex() != startIndex) {
            return "the page asked at startIndex=" + startIndex + " came back with startIndex=" + page.startIndex();
        }
        if (!Objects.equals(page.totalResults(), firstTotal)) {
            return "totalResults went from " + firstTotal + " to " + page.totalResults() + " at startIndex="
                   + startIndex + " (the directory changed while it was listed)";
        }
        int size = page.resources().size();
        if (size != due) {
            return "the page at startIndex=" + startIndex + " held " + size + " resources where " + due + " were due "
                   + "(totalResults=" + firstTotal + ")";
        }
        Set<String> onThisPage = new HashSet<>();
        for (T resource : page.resources()) {
            String id = resource.id();
            if (id != null && (listedIds.contains(id) || !onThisPage.add(id))) {
                return "the page at startIndex=" + startIndex + " repeats a resource listed already";
            }
        }
        return null;
    }

    /** The rules for a page read in its turn. @return the page with only the resources not listed before */
    ListResponse<T> admit(ListResponse<T> page, int startIndex) {
        Integer total = page.totalResults();
        if (first) {
            first = false;
            firstTotal = total;
            if (total != null && total > maxListing) {
                throw fail("Lucid reports " + total + " resources for this listing, more than maxListingSize ("
                           + maxListing + "): raise maxListingSize if the directory is that large");
            }
        } else if (!Objects.equals(total, latestTotal)) {
            totalChanged = true;
        }
        latestTotal = total;
        if (page.startIndex() != null && page.startIndex() != startIndex) {
            throw fail("Lucid answered the page asked at startIndex=" + startIndex + " with startIndex="
                       + page.startIndex() + ", after " + listedIds.size() + " of " + describe(total) + ": it does "
                       + "not page by startIndex, so the listing cannot be read completely");
        }
        int size = page.resources().size();
        if (total != null && startIndex - 1 + size > total) {
            throw fail("Lucid's page at startIndex=" + startIndex + " held " + size + " resources, more than "
                       + "totalResults=" + total + " leaves room for: its paging is not consistent, so the listing "
                       + "cannot be read completely");
        }
        List<T> fresh = new ArrayList<>(size);
        for (T resource : page.resources()) {
            if (resource.id() == null || listedIds.add(resource.id())) {
                fresh.add(resource);
            }
        }
        if (size > 0 && fresh.isEmpty()) {
            throw fail("Lucid answered startIndex=" + startIndex + " with only resources it had listed already, after "
                       + listedIds.size() + " of " + describe(total) + ": its paging does not advance, so the "
                       + "listing cannot be read completely");
        }
        if (fresh.size() < size && total != null && !totalChanged) {
            throw fail("Lucid's page at startIndex=" + startIndex + " repeated " + (size - fresh.size())
                       + " resource(s) listed already while totalResults stayed " + total + ": the order of its "
                       + "pages is not stable, so as many others were left out and the listing is not complete");
        }
        if (listedIds.size() > maxListing) {
            throw fail("The listing passed maxListingSize (" + maxListing + ") resources without ending: "
                       + "raise maxListingSize if the directory is that large");
        }
        return fresh.size() == size ? page
                : new ListResponse<>(page.schemas(), page.totalResults(), page.startIndex(), page.itemsPerPage(),
                        fresh);
    }

    /** @param nextStartIndex where the next page would start */
    boolean complete(int nextStartIndex) {
        return latestTotal != null && nextStartIndex > latestTotal;
    }

    /** The first page's {@code totalResults}, null when it gave none. */
    Integer firstTotal() {
        return firstTotal;
    }

    Integer latestTotal() {
        return latestTotal;
    }

    /** Whether {@code totalResults} differed between two pages read in their turn. */
    boolean totalChanged() {
        return totalChanged;
    }

    private static String describe(Integer total) {
        return total == null ? "an unknown number" : String.valueOf(total);
    }

    private ScimInvalidResponseException fail(String message) {
        return new ScimInvalidResponseException(message, new FailedRequest("GET", path, 200, null, null), null);
    }
}
