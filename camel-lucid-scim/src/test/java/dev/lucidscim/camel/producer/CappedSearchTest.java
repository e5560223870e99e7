package dev.lucidscim.camel.producer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.lucidscim.camel.LogCapture;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Search against a simulator that, like Lucid at 10,000, returns at most 50 results for a filtered query. */
class CappedSearchTest extends SimulatedLucidTestSupport {

    private static final int CAP = 50;
    private static final String ENGINEERS = "title eq \"Engineer\"";
    private static final String SEARCH = "lucid-scim:users?operation=search&pageSize=20&filteredResultCap=" + CAP;

    @BeforeAll
    static void startLucid() {
        startLucid(LucidScimSimulator.builder().filteredResultCap(CAP));
    }

    private void seed(int users, String title) {
        for (int i = 0; i < users; i++) {
            String userName = title.toLowerCase() + i + "@example.com";
            lucid.seedUser("{\"userName\":\"" + userName + "\",\"emails\":[{\"value\":\"" + userName + "\"}],"
                           + "\"title\":\"" + title + "\"}");
        }
    }

    private Exchange search(String uri, Map<String, Object> headers) {
        return template.request(uri, exchange -> exchange.getMessage().setHeaders(new HashMap<>(headers)));
    }

    @Test
    void aFilteredSearchThatReachesTheCapSaysSoAndWarnsNamingTheFilteredAttributes() {
        seed(CAP + 10, "Engineer");
        Message result;
        String log;
        try (LogCapture capture = new LogCapture(Level.WARN, ResourceOperations.class.getName())) {
            Exchange exchange = search(SEARCH, Map.of(LucidScimConstants.FILTER, ENGINEERS));
            assertThat(exchange.getException()).isNull();
            result = exchange.getMessage();
            log = capture.text();
        }

        assertThat(result.getBody(List.class)).hasSize(CAP);
        assertThat(result.getHeader(LucidScimConstants.RESULTS_CAPPED)).isEqualTo(true);
        assertThat(log).contains("WARN").contains("Search of /Users not complete").contains("the filter on title")
                .doesNotContain("Engineer\"")
                .contains("reached the " + CAP + " results").doesNotContain(lucid.token());
    }

    @Test
    void onePageOfACappedFilteredSearchSaysSoToo() {
        seed(CAP + 10, "Engineer");

        Message result = search(SEARCH, Map.of(LucidScimConstants.FILTER, ENGINEERS,
                LucidScimConstants.START_INDEX, 1)).getMessage();

        assertThat(result.getBody(List.class)).hasSize(20);
        assertThat(result.getHeader(LucidScimConstants.TOTAL_RESULTS)).isEqualTo(CAP);
        assertThat(result.getHeader(LucidScimConstants.RESULTS_CAPPED)).isEqualTo(true);
    }

    @Test
    void aFilteredSearchBelowTheCapIsComplete() {
        seed(CAP - 1, "Engineer");
        seed(5, "Designer");
        String log;
        Message result;
        try (LogCapture capture = new LogCapture(Level.WARN, ResourceOperations.class.getName())) {
            result = search(SEARCH, Map.of(LucidScimConstants.FILTER, ENGINEERS)).getMessage();
            log = capture.text();
        }

        assertThat(result.getBody(List.class)).hasSize(CAP - 1);
        assertThat(result.getHeader(LucidScimConstants.RESULTS_CAPPED)).isEqualTo(false);
        assertThat(log).doesNotContain("not complete");
    }

    @Test
    void anUnfilteredSearchIsNeverCapped() {
        seed(CAP + 10, "Engineer");

        Message result = search(SEARCH, Map.of()).getMessage();

        assertThat(result.getBody(List.class)).hasSize(CAP + 10);
        assertThat(result.getHeader(LucidScimConstants.RESULTS_CAPPED)).isEqualTo(false);
    }

    @Test
    void aCapBelowOneIsRefusedAtStart() {
        assertThatThrownBy(() -> context.getEndpoint("lucid-scim:users?operation=search&filteredResultCap=0").start())
                .hasMessageContaining("filteredResultCap must be 1 or more, not 0");
        assertThat(lucid.requests().all()).as("requests sent").isEmpty();
    }
}
