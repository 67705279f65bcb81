package io.reelhub.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.qc.GenerationAttempts;

/**
 * The money rule: the intent is recorded before the provider is called and the provider's id right after. When an
 * earlier attempt left an intent without an id (a crash, a timeout), the provider is asked first whether it already
 * has the job, and the same idempotency key is sent again, so one brief is paid for once. Renders other jobs own,
 * and renders of a shot's earlier attempts (generated again after a failed quality check), are never adopted.
 */
@Component
class SubmitStep implements JobStep {

    private final JobStore store;
    private final ProviderRegistry providers;
    private final SpecCodec specs;
    private final SubmitThrottle throttle;
    private final ProviderBreaker breaker;
    private final GenerationAttempts attempts;

    SubmitStep(JobStore store, ProviderRegistry providers, SpecCodec specs, SubmitThrottle throttle,
               ProviderBreaker breaker, GenerationAttempts attempts) {
        this.store = store;
        this.providers = providers;
        this.specs = specs;
        this.throttle = throttle;
        this.breaker = breaker;
        this.attempts = attempts;
    }

    @Override
    public Set<JobState> handles() {
        return Set.of(JobState.QUEUED);
    }

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public void run(Job job) {
        GenerationSpec spec = specs.read(job);
        VideoProvider provider = job.provider() == null ? providers.forNewJob(spec) : providers.named(job.provider());
        if (job.submitIntentAt() != null) {
            Instant since = job.submitIntentAt().minusSeconds(3600);
            Set<String> taken = new HashSet<>(store.providerJobIdsOf(provider.name(), since));
            // a failed attempt's render looks just like the one a quality check asked for again
            taken.addAll(attempts.providerJobIdsOf(provider.name(), since));
            Optional<String> found = provider.findSubmitted(spec, job.submitIntentAt(), taken, job.submitKey());
            if (found.isPresent()) {
                submitted(job, provider, ProviderJob.of(found.get()), "adopted " + provider.name() + " job "
                        + found.get() + " found after an interrupted submit (not paid twice)");
                return;
            }
        }
        Optional<Duration> wait = breaker.waitFor(provider.name())
                .or(() -> throttle.admit(provider.name(), spec.modelId()));
        if (wait.isPresent()) {
            // back-pressure: the brief waits its turn in the ledger; waiting is not a failed attempt
            store.updateProgress(job.id(), JobState.QUEUED, 0, Instant.now().plus(wait.get()));
            return;
        }
        String key = job.submitKey() != null ? job.submitKey() : job.id();
        store.recordSubmitIntent(job.id(), provider.name(), key);
        ProviderJob providerJob = provider.submitJob(spec, key);
        breaker.succeeded(provider.name());
        submitted(job, provider, providerJob, "submitted to " + provider.name() + " as " + providerJob.id());
    }

    // The provider's id and the state its protocol needs (fal's URLs) are saved in one transaction.
    private void submitted(Job job, VideoProvider provider, ProviderJob providerJob, String reason) {
        store.transition(job.id(), JobState.QUEUED, JobState.SUBMITTED, reason, JobChanges.none()
                .set("provider", provider.name())
                .set("provider_job_id", providerJob.id())
                .set("provider_state_json", providerJob.state())
                .set("next_action_at", Instant.now())
                .set("last_error", null));
    }
}
