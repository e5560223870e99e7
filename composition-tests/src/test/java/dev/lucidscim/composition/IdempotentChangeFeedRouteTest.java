package dev.lucidscim.composition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.FaultRule;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Welcome every new Lucid user once: the change feed, an idempotent consumer on {@code CamelLucidScimChangeId} around
 * the welcome mail, then adding the user to the "Everyone" group. When the group step fails, the change is not
 * committed and the next poll delivers it again, with the same change id: the mail must not go out twice, the group
 * step must be retried, and Lucid must end with every new user in the group.
 */
class IdempotentChangeFeedRouteTest extends LucidCompositionTestSupport {

    /** Every change id the feed delivered, repeats included. */
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private String everyone;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lucid-scim:users?initialDelay=0&delay=200").routeId("feed").autoStartup(false)
                        .process(exchange -> delivered.add(exchange.getMessage().getHeader(
                                LucidScimConstants.CHANGE_ID, String.class)))
                        .filter(header(LucidScimConstants.CHANGE_TYPE).isEqualTo("created"))
                        .idempotentConsumer(header(LucidScimConstants.CHANGE_ID),
                                MemoryIdempotentRepository.memoryIdempotentRepository(1000))
                            // a later failure must not make the mail go out again
                            .removeOnFailure(false)
                            .to("mock:welcome-mail")
                        .end()
                        .setHeader(LucidScimConstants.MEMBER_IDS, header(LucidScimConstants.RESOURCE_ID))
                        .process(exchange -> exchange.getMessage().setHeader(LucidScimConstants.RESOURCE_ID,
                                everyone))
                        .to("lucid-scim:groups?operation=addMembers&maxRetries=0");
            }
        };
    }

    @Test
    void aRedeliveredChangeIsSkippedByItsChangeIdAndItsFailedStepRetried() throws Exception {
        everyone = lucid.seedGroup(Map.of("displayName", "Everyone"));
        List<String> joiners = List.of("ada@example.com", "alan@example.com", "grace@example.com");
        joiners.forEach(LucidCompositionTestSupport::seedUser);
        lucid.faults().add(FaultRule.respond(500).onlyFor("PATCH", "/Groups").next(1));
        MockEndpoint mails = getMockEndpoint("mock:welcome-mail");

        context.getRouteController().startRoute("feed");

        await().atMost(Duration.ofSeconds(10)).until(() -> lucid.group(everyone).orElseThrow()
                .path("members").size() == joiners.size());
        mails.setAssertPeriod(500);
        mails.expectedMessageCount(joiners.size());
        mails.assertIsSatisfied();
        assertThat(mails.getReceivedExchanges()).extracting(mail -> mail.getMessage().getBody(ScimUser.class)
                .userName()).containsExactlyInAnyOrderElementsOf(joiners);
        String failedFirst = delivered.get(0);
        assertThat(delivered).as("the first change, delivered again after its group step failed")
                .filteredOn(failedFirst::equals).hasSize(2);
        assertThat(lucid.requests().count("PATCH", "/Groups")).as("the failed add, then one per user")
                .isEqualTo(joiners.size() + 1);
    }
}
