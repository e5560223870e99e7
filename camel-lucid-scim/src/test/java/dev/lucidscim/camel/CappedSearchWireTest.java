package dev.lucidscim.camel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Lucid's answers at its 10,000-result cap on a filtered query, on the wire. */
class CappedSearchWireTest extends LucidScimTestSupport {

    private static final String FILTER = "title eq \"Engineer\"";

    /** @param total the page's totalResults, or null for a page without one */
    private static void stubPage(int startIndex, Integer total, String... ids) {
        String users = String.join(",", Arrays.stream(ids)
                .map(id -> "{\"id\":\"" + id + "\",\"userName\":\"" + id + "@example.com\"}").toList());
        String totalResults = total == null ? "" : "\"totalResults\":" + total + ",";
        lucid.stubFor(get(urlPathEqualTo("/scim/v2/Users")).withQueryParam("startIndex", equalTo("" + startIndex))
                .willReturn(okForContentType(SCIM_JSON, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                                                        + "ListResponse\"]," + totalResults + "\"startIndex\":"
                                                        + startIndex + ",\"itemsPerPage\":" + ids.length
                                                        + ",\"Resources\":[" + users + "]}")));
    }

    @Test
    void aPageWhoseTotalIsTheCapIsCapped() {
        stubPage(1, 10_000, "lucid-1", "lucid-2");

        Exchange result = call("lucid-scim:users?operation=search", null, Map.of(LucidScimConstants.FILTER, FILTER,
                LucidScimConstants.START_INDEX, 1, LucidScimConstants.COUNT, 2));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(LucidScimConstants.TOTAL_RESULTS)).isEqualTo(10_000);
        assertThat(result.getMessage().getHeader(LucidScimConstants.RESULTS_CAPPED)).isEqualTo(true);
    }

    @Test
    void aPageWithoutTotalResultsIsReturnedWithoutTheHeader() {
        stubPage(1, null, "lucid-1", "lucid-2");

        Exchange result = call("lucid-scim:users?operation=search", null, Map.of(LucidScimConstants.FILTER, FILTER,
                LucidScimConstants.START_INDEX, 1, LucidScimConstants.COUNT, 2));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).hasSize(2);
        assertThat(result.getMessage().getHeaders()).doesNotContainKey(LucidScimConstants.TOTAL_RESULTS);
    }

    @Test
    void aPageWhoseTotalIsOneBelowTheCapIsNot() {
        stubPage(1, 9_999, "lucid-1", "lucid-2");

        Exchange result = call("lucid-scim:users?operation=search", null, Map.of(LucidScimConstants.FILTER, FILTER,
                LucidScimConstants.START_INDEX, 1, LucidScimConstants.COUNT, 2));

        assertThat(result.getMessage().getHeader(LucidScimConstants.RESULTS_CAPPED)).isEqualTo(false);
    }

    @Test
    void anUnfilteredPageAtTheCapIsNot() {
        stubPage(1, 10_000, "lucid-1", "lucid-2");

        Exchange result = call("lucid-scim:users?operation=search", null, Map.of(LucidScimConstants.START_INDEX, 1,
                LucidScimConstants.COUNT, 2));

        assertThat(result.getMessage().getHeader(LucidScimConstants.RESULTS_CAPPED)).isEqualTo(false);
    }

    @Test
    void aListingWhoseTotalIsBeyondTheCapIsCapped() {
        // a Lucid that counts every match (5) but returns only the first 3, the cap, then an empty page
        stubPage(1, 5, "lucid-1", "lucid-2");
        stubPage(3, 5, "lucid-3");
        stubPage(4, 5);

        Exchange result = call("lucid-scim:users?operation=search&pageSize=2&pagesInFlight=1&filteredResultCap=3",
                null, Map.of(LucidScimConstants.FILTER, FILTER));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).hasSize(3);
        assertThat(result.getMessage().getHeader(LucidScimConstants.RESULTS_CAPPED)).isEqualTo(true);
    }

    @Test
    void aListingWithoutTotalsThatReadsUpToTheCapIsCapped() {
        stubPage(1, null, "lucid-1", "lucid-2");
        stubPage(3, null, "lucid-3");

        Exchange capped = call("lucid-scim:users?operation=search&pageSize=2&filteredResultCap=3", null,
                Map.of(LucidScimConstants.FILTER, FILTER));
        Exchange below = call("lucid-scim:users?operation=search&pageSize=2&filteredResultCap=4", null,
                Map.of(LucidScimConstants.FILTER, FILTER));

        assertThat(capped.getMessage().getBody(List.class)).hasSize(3);
        assertThat(capped.getMessage().getHeader(LucidScimConstants.RESULTS_CAPPED)).isEqualTo(true);
        assertThat(below.getMessage().getHeader(LucidScimConstants.RESULTS_CAPPED)).isEqualTo(false);
    }
}
