package dev.lucidscim.camel.consumer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.lucidscim.camel.SimulatedLucidTestSupport;
import dev.lucidscim.model.ScimUser;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch properties as Camel's EIPs read them: the aggregator's {@code completionFromBatchConsumer()} must make
 * one aggregate per poll, of exactly that poll's exchanges, although the listing is streamed page by page and the
 * poll's size is known only at its end; {@code onCompletion} sees every exchange; an index runs 0..n-1 per poll.
 */
class LucidScimConsumerBatchTest extends SimulatedLucidTestSupport {

    private final List<Integer> completedIndexes = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lucid-scim:users?startScheduler=false&pageSize=3").routeId("feed")
                        .onCompletion().process(exchange -> completedIndexes.add(
                                exchange.getProperty(Exchange.BATCH_INDEX, Integer.class))).end()
                        .aggregate(constant(true), AggregationStrategies.flexible(ScimUser.class).accumulateInCollection(
                                ArrayList.class)).completionFromBatchConsumer()
                        .to("mock:polls");
            }
        };
    }

    private void seed(int users, String prefix) {
        for (int i = 0; i < users; i++) {
            String name = prefix + i + "@example.com";
            lucid.seedUser("{\"userName\":\"" + name + "\",\"emails\":[{\"value\":\"" + name + "\"}]}");
        }
    }

    private void poll() {
        ((LucidScimConsumer) context.getRoute("feed").getConsumer()).run();
    }

    @Test
    void theAggregatorCompletesOncePerPollWithThatPollsExchanges() throws Exception {
        MockEndpoint polls = getMockEndpoint("mock:polls");
        polls.expectedMessageCount(2);
        seed(8, "first");

        poll();
        seed(2, "second");
        poll();

        polls.assertIsSatisfied();
        List<?> firstPoll = polls.getReceivedExchanges().get(0).getMessage().getBody(List.class);
        List<?> secondPoll = polls.getReceivedExchanges().get(1).getMessage().getBody(List.class);
        assertThat(firstPoll).hasSize(8);
        assertThat(secondPoll).hasSize(2).allSatisfy(user ->
                assertThat(((ScimUser) user).userName()).startsWith("second"));
        assertThat(completedIndexes).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 0, 1);
    }
}
