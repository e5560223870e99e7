package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** startIndex and count, the page-size cap and totalResults, on a simulator whose page holds at most 5. */
class PagingTest extends SimulatorTestSupport {

    /** Hides the default start: this class's simulator has other settings. */
    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().maxPageSize(5));
    }

    @BeforeEach
    void seed() {
        IntStream.rangeClosed(1, 12).forEach(i -> simulator.seedUser(
                Scim.userNode("user" + i + "@example.com").put("externalId", "shared").toString()));
    }

    @Test
    void startIndexAndCountSelectAPage() {
        ScimClient.Response first = scim.get("/Users?startIndex=1&count=3");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.resourceIds()).containsExactly("lucid-1001", "lucid-1002", "lucid-1003");
        assertThat(first.totalResults()).isEqualTo(12);
        assertThat(first.json().path("startIndex").asInt()).isEqualTo(1);
        assertThat(first.json().path("itemsPerPage").asInt()).isEqualTo(3);

        ScimClient.Response second = scim.get("/Users?startIndex=4&count=3");
        assertThat(second.resourceIds()).containsExactly("lucid-1004", "lucid-1005", "lucid-1006");
        assertThat(second.totalResults()).isEqualTo(12);
        assertThat(second.json().path("startIndex").asInt()).isEqualTo(4);
    }

    @Test
    void theLastPageIsShortAndBeyondItIsEmpty() {
        ScimClient.Response last = scim.get("/Users?startIndex=11&count=5");
        assertThat(last.resourceIds()).containsExactly("lucid-1011", "lucid-1012");
        assertThat(last.totalResults()).isEqualTo(12);

        ScimClient.Response beyond = scim.get("/Users?startIndex=13&count=5");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.resources()).isEmpty();
        assertThat(beyond.totalResults()).isEqualTo(12);
    }

    @Test
    void countIsCappedAtMaxPageSize() {
        ScimClient.Response response = scim.get("/Users?count=50");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.resourceIds()).containsExactly("lucid-1001", "lucid-1002", "lucid-1003", "lucid-1004",
                "lucid-1005");
        assertThat(response.totalResults()).isEqualTo(12);
    }

    @Test
    void withoutCountAPageHoldsMaxPageSize() {
        ScimClient.Response response = scim.get("/Users");

        assertThat(response.resources()).hasSize(5);
        assertThat(response.totalResults()).isEqualTo(12);
    }

    @Test
    void countZeroAnswersOnlyTheTotal() {
        ScimClient.Response response = scim.get("/Users?count=0");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.resources()).isEmpty();
        assertThat(response.totalResults()).isEqualTo(12);
    }

    @Test
    void aStartIndexBelowOneCountsAsOneAndANegativeCountAsZero() {
        assertThat(scim.get("/Users?startIndex=0&count=2").resourceIds()).containsExactly("lucid-1001",
                "lucid-1002");
        assertThat(scim.get("/Users?startIndex=-5&count=1").resourceIds()).containsExactly("lucid-1001");
        ScimClient.Response negative = scim.get("/Users?count=-1");
        assertThat(negative.status()).isEqualTo(200);
        assertThat(negative.resources()).isEmpty();
        assertThat(negative.totalResults()).isEqualTo(12);
    }

    @Test
    void aStartIndexThatIsNotANumberIs400() {
        assertThat(scim.get("/Users?startIndex=abc").status()).isEqualTo(400);
        assertThat(scim.get("/Users?count=many").status()).isEqualTo(400);
    }

    @Test
    void walkingThePagesSeesEveryUserOnce() {
        List<String> seen = new ArrayList<>();
        int startIndex = 1;
        while (true) {
            ScimClient.Response page = scim.get("/Users?startIndex=" + startIndex + "&count=50");
            if (page.resources().isEmpty()) {
                break;
            }
            seen.addAll(page.resourceIds());
            startIndex += page.resources().size();
        }

        assertThat(seen).hasSize(12).doesNotHaveDuplicates();
        assertThat(seen).containsExactlyElementsOf(
                IntStream.rangeClosed(1001, 1012).mapToObj(i -> "lucid-" + i).toList());
    }

    @Test
    void filteredResultsArePagedAndCappedToo() {
        String filter = ScimClient.filtered("/Users", "externalId eq \"shared\"");

        ScimClient.Response capped = scim.get(filter + "&count=50");
        assertThat(capped.status()).as(capped.toString()).isEqualTo(200);
        assertThat(capped.resources()).hasSize(5);
        assertThat(capped.totalResults()).isEqualTo(12);

        ScimClient.Response page = scim.get(filter + "&startIndex=11&count=5");
        assertThat(page.resourceIds()).containsExactly("lucid-1011", "lucid-1012");
        assertThat(page.totalResults()).isEqualTo(12);
    }

    @Test
    void groupsArePagedAndCapped() {
        IntStream.rangeClosed(1, 7).forEach(i -> simulator.seedGroup(Scim.group("Group " + i)));

        ScimClient.Response capped = scim.get("/Groups?count=50");
        assertThat(capped.resources()).hasSize(5);
        assertThat(capped.totalResults()).isEqualTo(7);

        ScimClient.Response page = scim.get("/Groups?startIndex=6&count=5");
        assertThat(page.resourceIds()).containsExactly("lucid-group-1006", "lucid-group-1007");
        assertThat(page.totalResults()).isEqualTo(7);
    }

    @Test
    void serviceProviderConfigAdvertisesTheCap() {
        ScimClient.Response config = scim.get("/ServiceProviderConfig");

        assertThat(config.json().at("/filter/maxResults").asInt()).isEqualTo(5);
    }
}
