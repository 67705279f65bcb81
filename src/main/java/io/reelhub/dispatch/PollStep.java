package io.reelhub.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.reelhub.costs.CostLedger;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;

/** Asks the provider how a submitted job is doing, at the pace the provider asks for. */
@Component
class PollStep implements JobStep {

    static final String REGENERATING = "generating again";

    private final JobStore store;
    private final ProviderRegistry providers;
    private final DispatchProperties properties;
    private final ProviderBreaker breaker;
    private final CostLedger costs;
    private final ModelFallback fallback;

    PollStep(JobStore store, ProviderRegistry providers, DispatchProperties properties, ProviderBreaker breaker,
             CostLedger costs, ModelFallback fallback) {
        this.store = store;
        this.providers = providers;
        this.properties = properties;
        this.breaker = breaker;
        this.costs = costs;
        this.fallback = fallback;
    }

    @Override
    public Set<JobState> handles() {
        return Set.of(JobState.SUBMITTED, JobState.RENDERING);
    }

    @Override
    public String name() {
        return "poll";
    }

    @Override
    public void run(Job job) {
        RenderStatus status = providers.named(job.provider())
                .poll(new ProviderJob(job.providerJobId(), job.providerStateJson()));
        breaker.succeeded(job.provider());
        JobState current = job.state();
        if (current == JobState.SUBMITTED && status.phase() != RenderStatus.Phase.QUEUED) {
            store.transition(job.id(), current, JobState.RENDERING, "provider started rendering",
                    JobChanges.none().set("progress", status.progress()));
            current = JobState.RENDERING;
        }
        switch (status.phase()) {
            case QUEUED, RUNNING -> store.updatePolled(job.id(), current, status.progress(),
                    Instant.now().plus(pollInterval(status.pollAfter())), status.note(), status.providerState());
            case SUCCEEDED -> {
                store.transition(job.id(), current, JobState.DOWNLOADING, "provider finished rendering",
                        withState(status, JobChanges.none())
                                .set("provider_note", null)
                                .set("progress", 100)
                                .set("rendered_at", Instant.now())
                                .set("next_action_at", Instant.now())
                                .set("last_error", null));
                costs.billed(job.id());
            }
            case FAILED -> failedForGood(job, current, TerminalFailure.of(status));
            case FAILED_RETRYABLE -> regenerateOrFail(job, current, status);
        }
    }

    /**
     * The provider said the generation failed: a content-policy refusal or a cancellation is final; a failure of the
     * model goes to the next model of the brief's fallback chain when there is one that fits, else it is final.
     */
    private void failedForGood(Job job, JobState current, TerminalFailure failure) {
        String history;
        String error;
        switch (failure.kind()) {
            case CONTENT_POLICY -> {
                history = "refused by the provider's content policy (final: not retried, no fallback model): "
                        + failure.reason();
                error = failure.reason() + " (the provider's content policy: final, no fallback model)";
            }
            case CANCELLED -> {
                history = "the provider cancelled the generation: " + failure.reason();
                error = failure.reason();
            }
            default -> {
                Optional<String> noFallback = fallback.tryNext(job, current, failure);
                if (noFallback.isEmpty()) {
                    return;
                }
                history = "provider failed the generation: " + failure.reason() + noFallback.get();
                error = failure.reason() + noFallback.get();
            }
        }
        store.transition(job.id(), current, JobState.FAILED, history,
                JobChanges.none().set("last_error", error).set("provider_note", null));
    }

    /**
     * The provider charged nothing and says a new attempt may succeed: queue the job again as a fresh submission
     * (new idempotency key, no intent, no kept provider state, so it is neither adopted back nor replayed), at most
     * {@code max-regenerations} times; after that the failure is final and says how often it was tried.
     */
    private void regenerateOrFail(Job job, JobState current, RenderStatus status) {
        long earlier = store.history(job.id()).stream()
                .filter(t -> t.to() == JobState.QUEUED && t.reason() != null && t.reason().startsWith(REGENERATING))
                .count();
        if (earlier >= properties.maxRegenerations()) {
            String reason = "provider failed the generation " + (earlier + 1) + " time(s), not charged: "
                    + status.failureReason();
            store.transition(job.id(), current, JobState.FAILED, reason,
                    JobChanges.none().set("last_error", reason).set("provider_note", null));
            return;
        }
        store.transition(job.id(), current, JobState.QUEUED, REGENERATING + " (" + (earlier + 1) + " of "
                        + properties.maxRegenerations() + ") after a failure the provider did not charge for: "
                        + status.failureReason(), JobChanges.none()
                        .set("provider_job_id", null)
                        .set("provider_state_json", null)
                        .set("provider_note", null)
                        .set("submit_intent_at", null)
                        .set("submit_key", job.id() + "-r" + (earlier + 1))
                        .set("progress", 0)
                        .set("next_action_at", Instant.now())
                        .set("last_error", status.failureReason()));
    }

    private static JobChanges withState(RenderStatus status, JobChanges changes) {
        return status.providerState() == null ? changes : changes.set("provider_state_json", status.providerState());
    }

    private Duration pollInterval(Duration asked) {
        Duration wanted = asked == null ? Duration.ofSeconds(1) : asked;
        if (wanted.compareTo(properties.minPollInterval()) < 0) {
            return properties.minPollInterval();
        }
        return wanted.compareTo(properties.maxPollInterval()) > 0 ? properties.maxPollInterval() : wanted;
    }
}
