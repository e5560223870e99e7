package dev.lucidscim.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilteredResultCapTest {

    private static final FilteredResultCap CAP = new FilteredResultCap(50);
    private static final SearchQuery FILTERED = SearchQuery.filtered("title eq \"Engineer\"", 20);

    @Test
    void aFilteredQueryIsCappedWhenItsTotalOrWhatWasReadReachesTheCap() {
        assertThat(CAP.reached(FILTERED, 50, 20)).as("total at the cap").isTrue();
        assertThat(CAP.reached(FILTERED, 60, 20)).as("total beyond the cap").isTrue();
        assertThat(CAP.reached(FILTERED, null, 50)).as("read up to the cap, no total").isTrue();
        assertThat(CAP.reached(FILTERED, 49, 49)).as("below the cap").isFalse();
        assertThat(CAP.reached(FILTERED, null, 49)).as("below the cap, no total").isFalse();
    }

    @Test
    void whatWasReadCountsFromTheQuerysStartIndex() {
        SearchQuery lastPage = new SearchQuery(FILTERED.filter(), null, null, 41, 10);
        assertThat(CAP.reached(lastPage, null, 10)).isTrue();
        assertThat(CAP.reached(lastPage, null, 9)).isFalse();
    }

    @Test
    void anUnfilteredQueryIsNeverCapped() {
        assertThat(CAP.reached(SearchQuery.all(20), 10_000, 10_000)).isFalse();
        assertThat(CAP.reached(SearchQuery.filtered(" ", 20), 50, 50)).isFalse();
    }

    @Test
    void theReasonNamesTheFilteredAttributesButNoValue() {
        String reason = CAP.describe(SearchQuery.filtered(
                "userName eq \"ann eq x@example.com\" and title co \"Eng\\\"r\" or active pr", 20));
        assertThat(reason).contains("the filter on userName, title, active reached the 50 results")
                .doesNotContain("ann").doesNotContain("example.com").doesNotContain("Eng").doesNotContain("\n");
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThatThrownBy(() -> new FilteredResultCap(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filteredResultCap must be 1 or more, not 0");
    }
}
