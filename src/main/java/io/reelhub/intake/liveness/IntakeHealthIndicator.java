package io.reelhub.intake.liveness;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code intake}: DOWN while any channel is down, with each channel's record. */
@Component("intake")
class IntakeHealthIndicator implements HealthIndicator {

    private final IntakeLiveness liveness;

    IntakeHealthIndicator(IntakeLiveness liveness) {
        this.liveness = liveness;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean down = false;
        for (ChannelStatus status : liveness.channels()) {
            boolean channelDown = liveness.isDown(status);
            down |= channelDown;
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("status", channelDown ? "DOWN" : "UP");
            channel.put("lastPoll", status.lastPoll());
            channel.put("lastSuccess", status.lastSuccess());
            channel.put("lastError", status.lastError());
            channel.put("lastErrorMessage", status.lastErrorMessage());
            channel.put("failingSince", status.failingSince());
            channel.put("polledMessages", status.polledMessages());
            channel.values().removeIf(java.util.Objects::isNull);
            details.put(status.channel(), channel);
        }
        return (down ? Health.down() : Health.up()).withDetails(details).build();
    }
}
