package io.reelhub.dispatch;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;

/**
 * The engine's heartbeat: the ledger is the queue. {@code job-pump} leases due jobs up to the free worker capacity
 * and {@code job-steps} runs one step per job on a bounded pool. Nothing in flight lives only in memory: after a
 * crash, the leases expire (or are freed at start-up) and the same steps run again from the recorded state.
 */
@Component
class JobPumpRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(JobPumpRoutes.class);

    private final JobStore store;
    private final JobStepper stepper;
    private final DispatchProperties properties;
    private final AtomicInteger inFlight = new AtomicInteger();

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
                    .to("seda:job-steps?size=" + properties.workers() * 2 + "&blockWhenFull=true");

        from("seda:job-steps?concurrentConsumers=" + properties.workers() + "&size=" + properties.workers() * 2)
                .routeId("job-steps")
                .process(exchange -> {
                    try {
                        stepper.step(exchange.getMessage().getBody(Job.class));
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
    }

    private List<Job> claim() {
        int free = properties.workers() - inFlight.get();
        List<Job> claimed = store.claimDue(properties.nodeId(), properties.lease(), free);
        inFlight.addAndGet(claimed.size());
        return claimed;
    }
}
