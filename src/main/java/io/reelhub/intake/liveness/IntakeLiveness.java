package io.reelhub.intake.liveness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Watches every polling intake channel (folder, S3, mail): a route opts in with {@code pollStrategy: "#intakeLiveness"}.
 * A channel that keeps failing, or stops polling at all, must not die silently, as IMAP triggers are known to do.
 */
@Component("intakeLiveness")
public class IntakeLiveness implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeLiveness.class);

    private final Map<String, ChannelStatus> channels = new ConcurrentHashMap<>();
    private final Map<String, Boolean> warned = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration downAfter;

    public IntakeLiveness(Clock clock, @Value("${reelhub.intake.liveness.down-after:10m}") Duration downAfter) {
        this.clock = clock;
        this.downAfter = downAfter;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        channels.putIfAbsent(channel(consumer, endpoint), ChannelStatus.fresh(channel(consumer, endpoint)));
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        String channel = channel(consumer, endpoint);
        channels.merge(channel, ChannelStatus.fresh(channel).succeeded(clock.instant(), polledMessages),
                (old, fresh) -> old.succeeded(clock.instant(), polledMessages));
        if (warned.remove(channel) != null) {
            LOG.info("Intake channel {} is polling again", channel);
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        String channel = channel(consumer, endpoint);
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        channels.merge(channel, ChannelStatus.fresh(channel).failed(clock.instant(), message),
                (old, fresh) -> old.failed(clock.instant(), message));
        if (isDown(channels.get(channel)) && warned.putIfAbsent(channel, true) == null) {
            LOG.warn("Intake channel {} has been failing since {}: {}", channel,
                    channels.get(channel).failingSince(), message);
        }
        return false; // no immediate retry: the next scheduled poll tries again
    }

    public List<ChannelStatus> channels() {
        return channels.values().stream().sorted(java.util.Comparator.comparing(ChannelStatus::channel)).toList();
    }

    /** Failing for longer than allowed, or silent (no poll at all) for longer than allowed. */
    public boolean isDown(ChannelStatus status) {
        Instant limit = clock.instant().minus(downAfter);
        if (status.failingSince() != null && status.failingSince().isBefore(limit)) {
            return true;
        }
        return status.lastPoll() != null && status.lastPoll().isBefore(limit);
    }

    private static String channel(Consumer consumer, Endpoint endpoint) {
        if (consumer instanceof RouteIdAware aware && aware.getRouteId() != null) {
            return aware.getRouteId();
        }
        return endpoint.getEndpointBaseUri();
    }
}
