package io.reelhub.dispatch;

/**
 * A job at a provider as the hub keeps it: the provider's id, plus whatever else the protocol needs to find the job
 * again (fal's status, result and cancel URLs, an output URL learnt while polling), as the provider's own JSON.
 *
 * @param id    the provider's job id (shown to users, kept in {@code provider_job_id})
 * @param state the protocol's own state as JSON (kept in {@code provider_state_json}), null when it keeps none
 */
public record ProviderJob(String id, String state) {

    public static ProviderJob of(String id) {
        return new ProviderJob(id, null);
    }
}
