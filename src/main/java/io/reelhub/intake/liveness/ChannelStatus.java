package io.reelhub.intake.liveness;

import java.time.Instant;

/**
 * What one intake channel has done lately.
 *
 * @param failingSince the first failed poll of the current run of failures; null while healthy
 */
public record ChannelStatus(String channel, Instant lastPoll, Instant lastSuccess, Instant lastError,
                            String lastErrorMessage, Instant failingSince, long polledMessages) {

    ChannelStatus succeeded(Instant at, int messages) {
        return new ChannelStatus(channel, at, at, lastError, lastErrorMessage, null, polledMessages + messages);
    }

    ChannelStatus failed(Instant at, String message) {
        return new ChannelStatus(channel, at, lastSuccess, at, message, failingSince == null ? at : failingSince,
                polledMessages);
    }

    static ChannelStatus fresh(String channel) {
        return new ChannelStatus(channel, null, null, null, null, null, 0);
    }
}
