package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A filtered search reaches at most the cap (Lucid: 10,000), here 7 of 12 matches; listings are not capped. */
class FilteredResultCapTest extends SimulatorTestSupport {

    private static final String SHARED = ScimClient.filtered("/Users", "externalId eq \"shared\"");

    /** Hides the default start: this class's simulator caps filtered searches at 7 and pages at 5. */
    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().filteredResultCap(7).maxPageSize(5));
    }

    @BeforeEach
    void seed() {
        IntStream.rangeClosed(1, 12).forEach(i -> simulator.seedUser(
                Scim.userNode("user" + i + "@example.com").put("externalId", "shared").toString()));
    }

    @Test
    void totalResultsAndThePagesStopAtTheCap() {
        ScimClient.Response first = scim.get(SHARED);
        assertThat(first.resources()).hasSize(5);
        assertThat(first.totalResults()).isEqualTo(7);

        ScimClient.Response last = scim.get(SHARED + "&startIndex=6&count=5");
        assertThat(last.resourceIds()).containsExactly("lucid-1006", "lucid-1007");
        assertThat(last.totalResults()).isEqualTo(7);

        ScimClient.Response beyond = scim.get(SHARED + "&startIndex=8&count=5");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.resources()).isEmpty();
    }

    @Test
    void listingsWithoutAFilterAreNotCapped() {
        ScimClient.Response listing = scim.get("/Users?startIndex=11&count=5");

        assertThat(listing.totalResults()).isEqualTo(12);
        assertThat(listing.resourceIds()).containsExactly("lucid-1011", "lucid-1012");
    }
}
