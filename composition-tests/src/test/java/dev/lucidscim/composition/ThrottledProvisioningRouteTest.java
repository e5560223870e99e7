package dev.lucidscim.composition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A roster upserted under Camel's throttler: at most {@value #PER_PERIOD} people per {@value #PERIOD_MILLIS} ms,
 * measured where it matters, in the times Lucid received each upsert's first request (its search).
 */
class ThrottledProvisioningRouteTest extends LucidCompositionTestSupport {

    private static final int PER_PERIOD = 4;
    private static final long PERIOD_MILLIS = 500;
    /** Loopback jitter between the throttler letting a message go and its search reaching Lucid. */
    private static final long JITTER_MILLIS = 60;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:roster")
                        .split(body())
                            .throttle(PER_PERIOD).totalRequestsMode().timePeriodMillis(PERIOD_MILLIS)
                            .to("lucid-scim:users?operation=upsert");
            }
        };
    }

    @Test
    void lucidNeverReceivesMoreUpsertsPerPeriodThanTheThrottleAllows() {
        // the first call of a JVM is slow (connections, class loading): outside the measurement
        template.sendBody("lucid-scim:users?operation=upsert", person("warm-up@example.com", "Analyst"));
        lucid.requests().clear();
        List<ScimUser> roster = IntStream.range(0, 12)
                .mapToObj(i -> person("person" + i + "@example.com", "Analyst")).toList();

        template.sendBody("direct:roster", roster);

        assertThat(lucid.userCount()).isEqualTo(roster.size() + 1);
        assertThat(lucid.requests().count("POST", "/Users")).isEqualTo(roster.size());
        List<Instant> searches = lucid.requests().matching(request -> request.method().equals("GET"))
                .stream().map(RecordedRequest::at).sorted().toList();
        assertThat(searches).hasSize(roster.size());
        Duration window = Duration.ofMillis(PERIOD_MILLIS - JITTER_MILLIS);
        for (Instant start : searches) {
            long inWindow = searches.stream().filter(at -> !at.isBefore(start) && at.isBefore(start.plus(window)))
                    .count();
            assertThat(inWindow).as("upserts in the %s from %s", window, start).isLessThanOrEqualTo(PER_PERIOD);
        }
        assertThat(Duration.between(searches.get(0), searches.get(searches.size() - 1)))
                .as("12 upserts at 4 per 500 ms span at least two periods")
                .isGreaterThanOrEqualTo(Duration.ofMillis(2 * PERIOD_MILLIS - JITTER_MILLIS));
    }
}
