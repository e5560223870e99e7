package dev.lucidscim.camel.consumer;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Camel's poll check (DOWN after a failed poll, readiness after the first poll) plus what the lucid-scim consumer
 * knows of its pauses: DOWN for as long as polls are paused after Lucid refused the token (the failed poll alone
 * would be forgotten by the next skipped one), UP with details while Lucid rate-limits the feed, and the
 * {@code Retry-After} that was cut to the longest pause when a server asked for more.
 */
final class LucidScimConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    static final String PAUSE_REASON = "lucid.poll.paused.reason";
    static final String PAUSE_REMAINING = "lucid.poll.paused.remaining.seconds";
    static final String RETRY_AFTER_REQUESTED = "lucid.poll.retry.after.requested.seconds";

    private final PollPause pause;

    LucidScimConsumerHealthCheck(ScheduledPollConsumer consumer, String id, PollPause pause) {
        super(consumer, id);
        this.pause = pause;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result polls = super.call(options);
        PollPause.Reason reason = pause.reason();
        if (reason == PollPause.Reason.NONE) {
            return polls;
        }
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(polls.getState())
                .details(polls.getDetails());
        polls.getMessage().ifPresent(builder::message);
        polls.getError().ifPresent(builder::error);
        builder.detail(PAUSE_REASON, reason.label());
        builder.detail(PAUSE_REMAINING, pause.remaining().toSeconds());
        if (pause.cappedRequest() != null) {
            builder.detail(RETRY_AFTER_REQUESTED, pause.cappedRequest().toSeconds());
        }
        if (reason == PollPause.Reason.TOKEN_REFUSED) {
            builder.down().message("Polls are paused for " + pause.remaining().toSeconds() + " s: Lucid refused the "
                                   + "bearer token. Generate a new one under Admin > App Integration > SCIM and "
                                   + "update bearerToken");
        }
        return builder.build();
    }
}
