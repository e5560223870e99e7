package dev.lucidscim.camel.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lucidscim.camel.LogCapture;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer with a filter against a simulator that, like Lucid at 10,000, returns at most 50 results for a filtered
 * query, the first matches in creation order: users pushed beyond the cap are not listed, and are not removed.
 */
class LucidScimConsumerResultCapTest extends SimulatedLucidTestSupport {

    private static final int CAP = 50;

    @BeforeAll
    static void startLucid() {
        startLucid(LucidScimSimulator.builder().filteredResultCap(CAP));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lucid-scim:users?startScheduler=false&pageSize=20&filteredResultCap=" + CAP
                     + "&filter=title eq \"Engineer\"").routeId("engineers").to("mock:engineers");
            }
        };
    }

    private Map<String, String> poll() {
        MockEndpoint mock = getMockEndpoint("mock:engineers");
        mock.reset();
        ((LucidScimConsumer) context.getRoute("engineers").getConsumer()).run();
        Map<String, String> changes = new TreeMap<>();
        for (Exchange exchange : mock.getReceivedExchanges()) {
            changes.put(exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID, String.class),
                    exchange.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE, String.class));
        }
        return changes;
    }

    private static List<String> seed(String prefix, int users, String title) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String userName = prefix + i + "@example.com";
            ids.add(lucid.seedUser("{\"userName\":\"" + userName + "\",\"emails\":[{\"value\":\"" + userName + "\"}],"
                                   + "\"title\":\"" + title + "\"}"));
        }
        return ids;
    }

    private static void becomeEngineer(String id) {
        LucidScimConsumerTest.send("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                                                            + "PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                                                            + "\"path\":\"title\",\"value\":\"Engineer\"}]}", lucid);
    }

    @Test
    void aCappedPollReportsWhatItListedAndNoRemovals() {
        // created first, so once they match they come first and push the last engineers beyond the cap
        List<String> designers = seed("designer", 10, "Designer");
        List<String> engineers = seed("engineer", CAP - 5, "Engineer");
        assertThat(poll()).hasSize(CAP - 5).containsOnlyKeys(engineers);

        designers.forEach(LucidScimConsumerResultCapTest::becomeEngineer);
        Map<String, String> changes;
        String log;
        try (LogCapture capture = new LogCapture(Level.WARN, LucidScimConsumer.class.getName())) {
            changes = poll();
            log = capture.text();
        }

        assertThat(changes).containsOnlyKeys(designers).containsValues("created").doesNotContainValue("removed");
        assertThat(log).contains("reports no removals").contains("the filter on title")
                .contains("reached the " + CAP + " results").doesNotContain(lucid.token());
        assertThat(poll()).as("the engineers beyond the cap are still known, not removed").isEmpty();
    }

    @Test
    void anUncappedPollReportsRemovals() {
        List<String> engineers = seed("engineer", CAP - 1, "Engineer");
        poll();
        LucidScimConsumerTest.send("DELETE", "/Users/" + engineers.get(0), null, lucid);

        assertThat(poll()).isEqualTo(Map.of(engineers.get(0), "removed"));
    }
}
