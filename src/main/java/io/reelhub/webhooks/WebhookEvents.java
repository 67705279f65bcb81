package io.reelhub.webhooks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Webhooks seen (at-least-once delivery means duplicates) and the nudge a new one gives its job. */
@Repository
class WebhookEvents {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the webhook; false when this id was seen before. */
    boolean firstTime(String provider, String webhookId, String providerJobId) {
        try {
            jdbc.update("insert into webhook_events (provider, webhook_id, received_at, provider_job_id)"
                    + " values (?, ?, ?, ?)", provider, webhookId, now(), providerJobId);
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    /**
     * Makes the job due now if it is waiting for its provider. A webhook that arrives before the submit's answer was
     * saved finds no job: nothing happens, and the regular poll picks the job up.
     */
    int nudge(String provider, String providerJobId) {
        return jdbc.update("update jobs set next_action_at = ? where provider = ? and provider_job_id = ?"
                + " and state in ('SUBMITTED', 'RENDERING')", now(), provider, providerJobId);
    }

    /**
     * As {@link #nudge}, for protocols whose callback names the hub's own submit key rather than the provider's id
     * (Kling's tokenised callback URL); a job still waiting for its submit answer is not touched.
     */
    int nudgeBySubmitKey(String provider, String submitKey) {
        return jdbc.update("update jobs set next_action_at = ? where provider = ? and submit_key = ?"
                + " and state in ('SUBMITTED', 'RENDERING')", now(), provider, submitKey);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
