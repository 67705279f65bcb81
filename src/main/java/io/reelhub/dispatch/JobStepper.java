package io.reelhub.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;

/**
 * Runs the step that matches a leased job's state and decides what a failure means: wait and try again (recorded in
 * the ledger, so it survives a restart), or fail the job with a reason a user understands.
 */
@Component
public class JobStepper {

    private static final Logger LOG = LoggerFactory.getLogger(JobStepper.class);

    private final Map<JobState, JobStep> steps = new EnumMap<>(JobState.class);
    private final JobStore store;
    private final ParentJobs parents;
    private final DispatchProperties properties;
    private final ProviderBreaker breaker;
    private final ModelFallback fallback;
    private final ProviderDeprecations deprecations;

    JobStepper(List<JobStep> steps, JobStore store, ParentJobs parents, DispatchProperties properties,
               ProviderBreaker breaker, ModelFallback fallback, ProviderDeprecations deprecations) {
        for (JobStep step : steps) {
            step.handles().forEach(state -> this.steps.put(state, step));
        }
        this.store = store;
        this.parents = parents;
        this.properties = properties;
        this.breaker = breaker;
        this.fallback = fallback;
        this.deprecations = deprecations;
    }

    public void step(Job job) {
        JobStep step = steps.get(job.state());
        if (step == null) {
            store.releaseLease(job.id());
            return;
        }
        ProviderDeprecations.Watch watch = deprecations.watch(job);
        try {
            step.run(job);
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.TRANSIENT && job.provider() != null) {
                breaker.failed(job.provider());
            }
            onProviderFailure(job, step, e);
        } catch (RuntimeException e) {
            LOG.warn("Job {}: {} failed: {}", job.id(), step.name(), e.toString());
            retryOrFail(job, step, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            watch.close();
            store.releaseLease(job.id());
            if (job.parentId() != null) {
                parents.refresh(job.parentId());
            }
        }
    }

    private void onProviderFailure(Job job, JobStep step, ProviderException e) {
        LOG.info("Job {}: {} answered {} ({})", job.id(), step.name(), e.kind(), e.getMessage());
        switch (e.kind()) {
            case RATE_LIMITED -> {
                // the provider created nothing; waiting is not a failed attempt
                Duration wait = e.retryAfter() != null ? e.retryAfter() : properties.backoff(job.stepAttempts());
                store.updateProgress(job.id(), job.state(), job.progress(), Instant.now().plus(wait));
            }
            case CONTENT_POLICY -> fail(job, step.name() + " refused by the provider's content policy (final: not"
                    + " retried, no fallback model): " + e.getMessage());
            case REJECTED -> {
                if (job.state() == JobState.QUEUED) {
                    refusedSubmit(job, step, e);
                } else {
                    fail(job, step.name() + " refused by the provider: " + e.getMessage());
                }
            }
            case NOT_FOUND -> {
                if (job.state() == JobState.QUEUED) {
                    refusedSubmit(job, step, e);
                } else {
                    notFound(job, step, e);
                }
            }
            case TRANSIENT -> retryOrFail(job, step, e.getMessage(), e.retryAfter());
        }
    }

    private void notFound(Job job, JobStep step, ProviderException e) {
        fail(job, switch (job.state()) {
            case DOWNLOADING -> "the provider no longer has the output (expired or deleted before download);"
                    + " the generation is not re-run automatically: " + e.getMessage();
            default -> step.name() + ": the provider does not know this job: " + e.getMessage();
        });
    }

    /**
     * A submit the provider refused for good (the request, or the model: gone, retired, not served): nothing was
     * created, so the brief's fallback chain may take over; a refusal that reads as content policy may not. Nor may
     * a refusal that follows an earlier attempt whose outcome is unknown (an intent recorded before this step): that
     * attempt may have created the job (Kling refuses a repeated {@code external_task_id}, say), and paying another
     * model for it could pay twice.
     */
    private void refusedSubmit(Job job, JobStep step, ProviderException e) {
        TerminalFailure failure = TerminalFailure.ofSubmit(e);
        if (!failure.allowsFallback()) {
            fail(job, step.name() + " refused by the provider's content policy (final: not retried, no fallback"
                    + " model): " + e.getMessage());
            return;
        }
        if (job.submitIntentAt() != null) {
            fail(job, step.name() + " refused by the provider: " + e.getMessage() + "; no fallback model, since an"
                    + " earlier submit of this job had an unknown outcome");
            return;
        }
        Optional<String> noFallback = fallback.tryNext(job, job.state(), failure);
        noFallback.ifPresent(why -> fail(job, step.name() + " refused by the provider: " + e.getMessage() + why));
    }

    private void retryOrFail(Job job, JobStep step, String error) {
        retryOrFail(job, step, error, null);
    }

    private void retryOrFail(Job job, JobStep step, String error, Duration retryAfter) {
        int failed = job.stepAttempts() + 1;
        if (failed >= properties.maxAttempts()) {
            fail(job, step.name() + " failed " + failed + " times, giving up: " + error);
            return;
        }
        Duration wait = properties.backoff(job.stepAttempts());
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        store.retryLater(job.id(), job.state(), Instant.now().plus(wait),
                step.name() + " attempt " + failed + " failed, next in " + wait.toSeconds() + " s: " + error);
    }

    private void fail(Job job, String reason) {
        store.transition(job.id(), job.state(), JobState.FAILED, reason, JobChanges.none().set("last_error", reason));
    }
}
