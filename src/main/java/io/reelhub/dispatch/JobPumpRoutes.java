package io.reelhub.dispatch;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;

/**
 * The engine's heartbeat: the ledger is the queue. {@code job-pump} leases due jobs up to the free worker capacity of
 * two lanes: {@code job-submits} runs submits ({@code reelhub.dispatch.submit-workers}), {@code job-steps} every other
 * step (polls, downloads, checks, deliveries; {@code reelhub.dispatch.workers}). Submits have their own lane because
 * the provider's rate limit decides when each may go: one due behind hundreds of polls would miss its slot, and the
 * achieved rate would fall short of the limit. Nothing in flight lives only in memory: after a crash, the leases
 * expire (or are freed at start-up) and the same steps run again from the recorded state.
 */
@Component
class JobPumpRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(JobPumpRoutes.class);
    private static final Set<JobState> SUBMITTING = EnumSet.of(JobState.QUEUED);
    private static final Set<JobState> STEPPING = EnumSet.complementOf(EnumSet.of(JobState.QUEUED));

    private final JobStore store;
    private final JobStepper stepper;
    private final DispatchProperties properties;
    private final AtomicInteger submitsInFlight = new AtomicInteger();
    private final AtomicInteger stepsInFlight = new AtomicInteger();

    JobPumpRoutes(JobStore store, JobStepper stepper, DispatchProperties properties) {
        this.store = store;
        this.stepper = stepper;
        this.properties = properties;
    }

    @Override
    public void configure() {
        int freed = store.releaseLeasesOf(properties.nodeId());
        if (freed > 0) {
            LOG.info("Resuming {} job(s) this node was working on when it stopped", freed);
        }
        from("scheduler:job-pump?delay=" + properties.tick().toMillis() + "&initialDelay=1000")
                .routeId("job-pump")
                .process(exchange -> exchange.getMessage().setBody(claim()))
                .split(body())
                    .choice()
                        .when(exchange -> exchange.getMessage().getBody(Job.class).state() == JobState.QUEUED)
                            .to(lane("job-submits", properties.submitWorkers()) + "&blockWhenFull=true")
                        .otherwise()
                            .to(lane("job-steps", properties.workers()) + "&blockWhenFull=true");

        from(lane("job-submits", properties.submitWorkers())
                + "&concurrentConsumers=" + properties.submitWorkers())
                .routeId("job-submits")
                .process(exchange -> step(exchange.getMessage().getBody(Job.class), submitsInFlight));

        from(lane("job-steps", properties.workers()) + "&concurrentConsumers=" + properties.workers())
                .routeId("job-steps")
                .process(exchange -> step(exchange.getMessage().getBody(Job.class), stepsInFlight));
    }

    private static String lane(String name, int workers) {
        return "seda:" + name + "?size=" + workers * 2;
    }

    private void step(Job job, AtomicInteger inFlight) {
        try {
            stepper.step(job);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Due jobs for each lane, as many as it has free workers. */
    private List<Job> claim() {
        List<Job> submits = claim(SUBMITTING, properties.submitWorkers(), submitsInFlight);
        List<Job> steps = claim(STEPPING, properties.workers(), stepsInFlight);
        if (submits.isEmpty()) {
            return steps;
        }
        if (steps.isEmpty()) {
            return submits;
        }
        List<Job> both = new java.util.ArrayList<>(submits);
        both.addAll(steps);
        return both;
    }

    private List<Job> claim(Set<JobState> states, int workers, AtomicInteger inFlight) {
        List<Job> claimed = store.claimDue(properties.nodeId(), properties.lease(), workers - inFlight.get(),
                states);
        inFlight.addAndGet(claimed.size());
        return claimed;
    }
}
