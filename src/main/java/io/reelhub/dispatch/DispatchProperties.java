package io.reelhub.dispatch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the job pump works through the ledger.
 *
 * @param workers           concurrent job steps other than submits (polls, downloads, checks, deliveries)
 * @param submitWorkers     concurrent submits, a lane of their own: a submit is due the moment the provider's limit
 *                          allows it, and must not wait behind polls and downloads for a worker
 * @param tick              how often the pump looks for due work
 * @param lease             how long a claimed step may run before another worker may take the job over
 * @param minPollInterval   floor for provider polling, whatever the provider asks
 * @param maxPollInterval   ceiling for provider polling
 * @param retryBase         first back-off after a failed step; doubles per attempt
 * @param retryMax          longest back-off
 * @param maxAttempts       failed attempts of one step before the job fails with the last reason
 * @param nodeId            this node's name on the leases it takes; leases of the same name are freed at start-up
 * @param maxRegenerations  new generations after a failure the provider documents as worth retrying and did not
 *                          charge for (Veo's audio-filter false positives); 0 makes every such failure final
 */
@ConfigurationProperties(prefix = "reelhub.dispatch")
public record DispatchProperties(
        Integer workers,
        Integer submitWorkers,
        Duration tick,
        Duration lease,
        Duration minPollInterval,
        Duration maxPollInterval,
        Duration retryBase,
        Duration retryMax,
        Integer maxAttempts,
        String nodeId,
        Integer maxRegenerations) {

    public DispatchProperties {
        workers = workers == null ? 4 : workers;
        submitWorkers = submitWorkers == null || submitWorkers < 1 ? 2 : submitWorkers;
        tick = tick == null ? Duration.ofMillis(500) : tick;
        lease = lease == null ? Duration.ofMinutes(10) : lease;
        minPollInterval = minPollInterval == null ? Duration.ofMillis(200) : minPollInterval;
        maxPollInterval = maxPollInterval == null ? Duration.ofSeconds(30) : maxPollInterval;
        retryBase = retryBase == null ? Duration.ofSeconds(2) : retryBase;
        retryMax = retryMax == null ? Duration.ofMinutes(5) : retryMax;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        nodeId = nodeId == null || nodeId.isBlank() ? "node-1" : nodeId;
        maxRegenerations = maxRegenerations == null || maxRegenerations < 0 ? 1 : maxRegenerations;
    }

    /** Exponential back-off for the given number of failed attempts so far. */
    public Duration backoff(int failedAttempts) {
        long factor = 1L << Math.min(Math.max(failedAttempts, 0), 20);
        Duration delay = retryBase.multipliedBy(factor);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
