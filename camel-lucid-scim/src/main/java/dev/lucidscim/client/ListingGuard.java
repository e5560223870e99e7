package dev.lucidscim.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.lucidscim.error.FailedRequest;
import dev.lucidscim.error.ScimInvalidResponseException;
import dev.lucidscim.model.ListResponse;
import dev.lucidscim.model.ScimResource;

/**
 * Keeps one listing finite and free of repeats, whatever the server sends. The decisions:
 * <ul>
 * <li>the listing is as long as the first page's {@code totalResults} says; later pages cannot extend it;</li>
 * <li>a resource whose id was already listed is passed on once, not twice;</li>
 * <li>a page with resources but none not listed before means the server is not advancing (it answers every
 * {@code startIndex} with the same page): the listing fails, since stopping there would pass a partial listing
 * off as complete (the consumer would report everyone unlisted as removed, reconcile would create them again);</li>
 * <li>more than {@code maxListing} resources, announced or received, fail the listing before the heap fills.</li>
 * </ul>
 */
final class ListingGuard<T extends ScimResource> {

    private final int maxListing;
    private final Set<String> listedIds = new HashSet<>();
    private Integer total;
    private boolean first = true;

    ListingGuard(int maxListing) {
        this.maxListing = maxListing;
    }

    /** @return the page with only the resources not listed before */
    ListResponse<T> admit(ListResponse<T> page, String path, int startIndex) {
        if (first) {
            first = false;
            total = page.totalResults();
            if (total != null && total > maxListing) {
                throw fail(path, "Lucid reports " + total + " resources for this listing, more than "
                                       + "maxListingSize (" + maxListing + "): raise maxListingSize if the directory "
                                       + "is that large");
            }
        }
        List<T> fresh = new ArrayList<>(page.resources().size());
        for (T resource : page.resources()) {
            if (resource.id() == null || listedIds.add(resource.id())) {
                fresh.add(resource);
            }
        }
        if (!page.resources().isEmpty() && fresh.isEmpty()) {
            throw fail(path, "Lucid answered startIndex=" + startIndex + " with only resources it had listed "
                                   + "already, after " + listedIds.size() + " of " + (total == null ? "an unknown "
                                   + "number of" : total) + ": its paging does not advance, so the listing cannot be "
                                   + "read completely");
        }
        if (listedIds.size() > maxListing) {
            throw fail(path, "The listing passed maxListingSize (" + maxListing + ") resources without ending: "
                                   + "raise maxListingSize if the directory is that large");
        }
        return fresh.size() == page.resources().size() ? page
                : new ListResponse<>(page.schemas(), page.totalResults(), page.startIndex(), page.itemsPerPage(),
                        fresh);
    }

    /** @param listed how many resources the pages held so far, repeats included */
    boolean complete(int listed) {
        return total != null && listed >= total;
    }

    private static ScimInvalidResponseException fail(String path, String message) {
        return new ScimInvalidResponseException(message, new FailedRequest("GET", path, 200, null, null), null);
    }
}
