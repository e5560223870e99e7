package dev.lucidscim.client;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.lucidscim.model.ListResponse;
import dev.lucidscim.model.ScimResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one listing for {@link ScimResourceClient#forEachPage}, handing its pages on in order, on the caller's
 * thread, while the consumer answers true.
 * <p>
 * The first page is read alone. When it says how many there are ({@code totalResults}) and holds the page size
 * asked for, the pages that follow are fetched {@code pagesInFlight} at a time ({@link PageWindow}); each is checked
 * when its turn comes, before it is handed on ({@link ListingGuard#doubt}). At the first doubt, that page and those
 * fetched after it are dropped unseen, the reason is logged once at INFO, and reading goes on page by page from the
 * doubtful page's {@code startIndex}: the pages handed on before it passed every check, so none is read again and
 * no resource is handed on twice. Read page by page, a page that breaks {@link ListingGuard#admit}'s rules fails
 * the listing. At the end, {@link FilteredResultCap} tells whether a filtered listing reached Lucid's cap.
 */
final class ListingReader<T extends ScimResource> {

    private static final Logger LOG = LoggerFactory.getLogger(ListingReader.class);

    /** Where a listing goes on when it does not: start indexes are 1 or more. */
    private static final int DONE = 0;

    private final Function<SearchQuery, ListResponse<T>> pages;
    private final String path;
    private final int pagesInFlight;
    private final ListingGuard<T> guard;
    private final Predicate<ListResponse<T>> pageConsumer;
    private final FilteredResultCap cap;
    /** Counted by the threads that send them. */
    private final AtomicInteger requests = new AtomicInteger();
    /** Counted on the caller's thread, as pages are handed on. */
    private int resourcesRead;

    /** @param pages sends one page request; {@link ScimResourceClient#searchPage} */
    ListingReader(Function<SearchQuery, ListResponse<T>> pages, String path, int maxListing, int pagesInFlight,
                  FilteredResultCap cap, Predicate<ListResponse<T>> pageConsumer) {
        this.pages = pages;
        this.cap = cap;
        this.path = path;
        this.pagesInFlight = pagesInFlight;
        this.guard = new ListingGuard<>(maxListing, path);
        this.pageConsumer = pageConsumer;
    }

    Listing read(SearchQuery query) {
        ListResponse<T> first = fetch(query);
        int next = deliver(first, query.startIndex(), query.count());
        if (next != DONE && pagesInFlight > 1) {
            String pageByPage = reasonToReadPageByPage(first, query.count());
            if (pageByPage == null) {
                next = concurrently(query, next);
            } else {
                LOG.info("Listing {} page by page: {}", path, pageByPage);
            }
        }
        while (next != DONE) {
            next = deliver(fetch(query.startingAt(next)), next, query.count());
        }
        if (guard.totalChanged()) {
            LOG.info("Lucid's totalResults for {} changed while it was listed ({} at the start, {} at the end): "
                     + "resources created or removed meanwhile may be missing from this listing, the next one "
                     + "sees them", path, guard.firstTotal(), guard.latestTotal());
        }
        return new Listing(requests.get(), cap.reached(query, guard.latestTotal(), resourcesRead));
    }

    /** Why pages cannot be fetched ahead once the first page is in, or null when they can. */
    private String reasonToReadPageByPage(ListResponse<T> first, int count) {
        int size = first.resources().size();
        if (guard.firstTotal() == null) {
            return "its first page gave no totalResults";
        }
        if (size < count) {
            return "its first page held " + size + " of the " + count + " resources asked for, out of "
                   + guard.firstTotal() + ": set pageSize to " + size + " (the server's page size) to fetch pages "
                   + "concurrently";
        }
        if (size > count) {
            return "its first page held " + size + " resources where " + count + " were asked for";
        }
        return null;
    }

    /**
     * The pages from {@code from} to the first page's total, {@code pagesInFlight} at a time.
     *
     * @return where to go on page by page, or {@link #DONE}
     */
    private int concurrently(SearchQuery query, int from) {
        int total = guard.firstTotal();
        int count = query.count();
        int pagesLeft = (total - from) / count + 1;
        try (PageWindow<T> window = new PageWindow<>(this::fetch, Math.min(pagesInFlight, pagesLeft), path)) {
            int planned = from;
            while (window.hasRoom() && planned <= total) {
                window.request(query.startingAt(planned));
                planned += count;
            }
            while (!window.isEmpty()) {
                PageWindow.Answered<T> answered = window.takeOldest();
                int startIndex = answered.query().startIndex();
                ListResponse<T> page = answered.page();
                // an empty page ends a listing, read ahead or not (some servers count what they do not list)
                String doubt = page.resources().isEmpty() ? null
                        : guard.doubt(page, startIndex, Math.min(count, total - startIndex + 1));
                if (doubt != null) {
                    LOG.info("Listing {} page by page from startIndex={}: {}", path, startIndex, doubt);
                    return startIndex;
                }
                if (deliver(page, startIndex, count) == DONE) {
                    return DONE;
                }
                if (planned <= total) {
                    window.request(query.startingAt(planned));
                    planned += count;
                }
            }
            return DONE;
        }
    }

    /**
     * Checks a page read in its turn and hands it on.
     *
     * @return where the next page starts, or {@link #DONE} when this one was the last or the consumer stopped
     */
    private int deliver(ListResponse<T> page, int startIndex, int count) {
        int returned = page.resources().size();
        ListResponse<T> fresh = guard.admit(page, startIndex);
        resourcesRead += fresh.resources().size();
        if (returned == 0 || !pageConsumer.test(fresh)) {
            return DONE;
        }
        // advance by what came back: servers disagree on itemsPerPage
        int next = startIndex + returned;
        boolean last = guard.complete(next) || page.totalResults() == null && returned < count;
        return last ? DONE : next;
    }

    private ListResponse<T> fetch(SearchQuery query) {
        requests.incrementAndGet();
        return pages.apply(query);
    }
}
