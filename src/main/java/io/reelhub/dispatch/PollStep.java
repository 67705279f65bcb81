package io.reelhub.dispatch;

import java.time.Duration;
import java.time.Instant;
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

    private final JobStore store;
    private final ProviderRegistry providers;
    private final DispatchProperties properties;
    private final ProviderBreaker breaker;
    private final CostLedger costs;

    PollStep(JobStore store, ProviderRegistry providers, DispatchProperties properties, ProviderBreaker breaker,
             CostLedger costs) {
        this.store = store;
        this.providers = providers;
        this.properties = properties;
        this.breaker = breaker;
        this.costs = costs;
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
            case FAILED -> store.transition(job.id(), current, JobState.FAILED,
                    "provider failed the generation: " + status.failureReason(),
                    JobChanges.none().set("last_error", status.failureReason()).set("provider_note", null));
        }
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
