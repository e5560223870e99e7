package dev.lucidscim.camel.hardening;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.error.ScimConflictException;
import dev.lucidscim.error.ScimException;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.FaultRule;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand-user feed through a route with a dead letter channel while the simulator answers 503 to one request in
 * ten, throws 429 storms with and without {@code Retry-After}, stalls some calls beyond the read timeout and drops
 * connections before and after committing, then goes down for longer than the retries last. Nothing may be lost or
 * doubled: every message either succeeds or sits in the dead letter endpoint with a typed exception, and Lucid ends up
 * holding exactly the roster.
 */
class LucidScimFaultsTest {

    private static final int ROSTER = 1_000;
    /** Already users of another Lucid account: these can only ever be dead letters. */
    private static final Set<Integer> OTHER_ACCOUNT = Set.of(230, 404, 777, 901, 999);
    /** Present in Lucid before the feed with another title: upsert updates them. */
    private static final int ALREADY_THERE = 200;

    /** Successes after which Lucid answers 503 to everything for longer than the retries last. */
    private static final int OUTAGE_AFTER = 300;

    private LucidScimSimulator lucid;
    private final AtomicBoolean outageStarted = new AtomicBoolean();
    private CamelContext context;
    private final Map<String, Exchange> succeeded = new ConcurrentHashMap<>();
    private final Map<String, Exchange> deadLetters = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        lucid = LucidScimSimulator.builder().threads(16).build().start();
        context = new DefaultCamelContext();
        context.addComponent("lucid-scim", SimulatedLucid.component(lucid));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead").useOriginalMessage());
                from("direct:feed").routeId("feed")
                        .split(body()).parallelProcessing().executorService(
                                getContext().getExecutorServiceManager().newFixedThreadPool(this, "feed", 16))
                        .to("direct:provision");
                from("direct:provision").routeId("provision")
                        .to("lucid-scim:users?operation=upsert&readTimeout=400&maxRetries=4"
                            + "&retryInitialDelay=20&retryMaxDelay=200&retryMaxElapsed=5000")
                        .process(e -> {
                            succeeded.put(userName(e), e);
                            if (succeeded.size() == OUTAGE_AFTER && outageStarted.compareAndSet(false, true)) {
                                lucid.faults().add(FaultRule.respond(503).during(Duration.ofMillis(1_500)));
                            }
                        });
                from("direct:dead").routeId("dead").process(e -> deadLetters.put(userName(e), e));
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        lucid.stop();
    }

    private static String userName(Exchange exchange) {
        return exchange.getMessage().getBody(ScimUser.class).userName();
    }

    private static ScimUser employee(int number) {
        String address = "employee" + number + "@example.com";
        return ScimUser.builder().userName(address).email(address).name("Employee", "No" + number)
                .title("Engineer " + number).build();
    }

    private void injectFaults() {
        lucid.faults()
                .add(FaultRule.delay(Duration.ofMillis(700)).every(97))
                .add(FaultRule.respond(429).withRetryAfter(Duration.ofSeconds(1)).during(Duration.ofMillis(500)))
                .add(FaultRule.respond(429).every(41))
                .add(FaultRule.respond(503).fraction(0.10, 20261128))
                .add(FaultRule.dropConnection().every(89))
                .add(FaultRule.dropAfterCommit().onlyFor("POST", "/Users").every(13))
                .add(FaultRule.dropAfterCommit().onlyFor("PUT", "/Users").every(17));
    }

    private void feed(List<ScimUser> users) {
        ProducerTemplate template = context.createProducerTemplate();
        template.sendBody("direct:feed", users);
    }

    @Test
    void nothingLostNothingDoubled() {
        for (int i = 0; i < ALREADY_THERE; i++) {
            lucid.seedUser(Map.of("userName", employee(i).userName(), "title", "Intern",
                    "emails", List.of(Map.of("value", employee(i).userName()))));
        }
        OTHER_ACCOUNT.forEach(i -> lucid.reserveForOtherAccount(employee(i).userName()));
        List<ScimUser> roster = IntStream.range(0, ROSTER).mapToObj(LucidScimFaultsTest::employee).toList();
        injectFaults();

        feed(roster);

        int faultsInjected = lucid.requests().matching(r -> r.fault() != null).size();
        assertThat(faultsInjected).as("requests with an injected fault").isGreaterThan(ROSTER / 10);
        assertThat(succeeded.size() + deadLetters.size()).as("successes plus dead letters").isEqualTo(ROSTER);
        assertThat(succeeded.keySet()).doesNotContainAnyElementsOf(deadLetters.keySet());
        Set<String> otherAccount = OTHER_ACCOUNT.stream().map(i -> employee(i).userName()).collect(Collectors.toSet());
        assertThat(deadLetters.keySet()).containsAll(otherAccount);
        deadLetters.forEach((userName, dead) -> {
            Throwable cause = dead.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            assertThat(cause).as("the cause of " + userName).isInstanceOf(ScimException.class);
            assertThat(cause.getMessage()).as("the cause of " + userName).isNotBlank();
            assertThat(((ScimException) cause).getRequest()).as("the failed request of " + userName).isNotNull();
        });
        // Lucid holds every success as sent and every other seeded user untouched. Beyond that, only a dead letter
        // can show up as sent, and only when the simulator committed one of its writes that the component never
        // saw answered (a stall beyond the read timeout, a drop after the commit) before the last attempt failed.
        Map<String, String> afterFaults = usersInLucid();
        Map<String, String> asExpected = expected(roster, succeeded.keySet());
        Map<String, String> asSent = expected(roster, roster.stream().map(ScimUser::userName)
                .collect(Collectors.toSet()));
        Map<String, String> unexpected = new HashMap<>(afterFaults);
        unexpected.entrySet().removeIf(entry -> entry.getValue().equals(asExpected.get(entry.getKey())));
        assertThat(asExpected.keySet()).as("users Lucid must hold").isSubsetOf(afterFaults.keySet());
        assertThat(unexpected).allSatisfy((userName, title) -> {
            assertThat(deadLetters).as("dead letters").containsKey(userName);
            assertThat(title).as("title of " + userName).isEqualTo(asSent.get(userName));
            assertThat(lucid.requests().matching(r -> isCommittedWrite(r) && r.body().contains('"' + title + '"')))
                    .as("committed writes of " + userName).isNotEmpty();
        });
        int lateWrites = unexpected.size();

        // Operations replays the dead letters once Lucid is healthy again: the roster is then complete.
        lucid.faults().clear();
        List<ScimUser> replay = deadLetters.values().stream().map(e -> e.getMessage().getBody(ScimUser.class))
                .toList();
        deadLetters.clear();
        feed(replay);

        assertThat(deadLetters.keySet()).isEqualTo(otherAccount);
        assertThat(deadLetters.values()).allSatisfy(dead -> assertThat(dead.getProperty(Exchange.EXCEPTION_CAUGHT,
                ScimConflictException.class).getKind()).isEqualTo(ScimConflictException.Kind.EXISTS_IN_OTHER_ACCOUNT));
        Set<String> everyoneElse = roster.stream().map(ScimUser::userName).filter(u -> !otherAccount.contains(u))
                .collect(Collectors.toSet());
        assertThat(usersInLucid()).as("Lucid after the replay")
                .containsExactlyInAnyOrderEntriesOf(expected(roster, everyoneElse));
        System.out.printf("faults: %d messages in, %d succeeded, %d dead-lettered (%d of them writes that reached Lucid"
                          + " after all), %d requests with an injected fault; replay of the %d dead letters: "
                          + "all but the other account's succeeded, %d users in Lucid, duplicates 0%n", ROSTER,
                ROSTER - replay.size(), replay.size(), lateWrites, faultsInjected, replay.size(),
                lucid.userCount());
    }

    private static boolean isCommittedWrite(RecordedRequest request) {
        boolean write = !request.method().equals("GET");
        boolean committed = request.status() / 100 == 2
                            || request.fault() != null && request.fault().contains("dropped after commit");
        return write && committed;
    }

    /** userName to title, for each user Lucid holds; a userName held twice fails here. */
    private Map<String, String> usersInLucid() {
        List<JsonNode> users = lucid.users();
        assertThat(users.stream().map(u -> u.path("userName").asText()).distinct()).as("distinct userNames")
                .hasSize(users.size());
        return users.stream().collect(Collectors.toMap(u -> u.path("userName").asText(),
                u -> u.path("title").asText()));
    }

    /** The roster's titles for the seeded users and the given ones: what Lucid must hold, nothing more. */
    private static Map<String, String> expected(List<ScimUser> roster, Set<String> provisioned) {
        return roster.stream().filter(u -> provisioned.contains(u.userName()) || isSeeded(u))
                .collect(Collectors.toMap(ScimUser::userName,
                        u -> provisioned.contains(u.userName()) ? u.title() : "Intern"));
    }

    private static boolean isSeeded(ScimUser user) {
        return Integer.parseInt(user.userName().replaceAll("\\D", "")) < ALREADY_THERE;
    }
}
