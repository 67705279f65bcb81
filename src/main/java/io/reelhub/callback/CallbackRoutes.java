package io.reelhub.callback;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Drains the callback outbox: {@code callback-outbox} leases due callbacks up to the free sender capacity and
 * {@code callback-sends} makes one attempt each on a bounded pool. The waits between attempts are due times in the
 * table, so no thread sleeps, and a restart resumes where the table says.
 */
@Component
class CallbackRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackRoutes.class);

    private final CallbackOutbox outbox;
    private final CallbackDelivery delivery;
    private final CallbackProperties properties;
    private final String nodeId;
    private final AtomicInteger inFlight = new AtomicInteger();

    CallbackRoutes(CallbackOutbox outbox, CallbackDelivery delivery, CallbackProperties properties,
                   @Value("${reelhub.dispatch.node-id:node-1}") String nodeId) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.properties = properties;
        this.nodeId = nodeId;
    }

    @Override
    public void configure() {
        int freed = outbox.releaseLeasesOf(nodeId);
        if (freed > 0) {
            LOG.info("Resuming {} callback(s) this node was sending when it stopped", freed);
        }
        int senders = properties.senders();
        from("scheduler:callback-outbox?delay=" + properties.tick().toMillis() + "&initialDelay=1000")
                .routeId("callback-outbox")
                .process(exchange -> exchange.getMessage().setBody(claim()))
                .split(body())
                    .to("seda:callback-sends?size=" + senders * 2 + "&blockWhenFull=true");

        from("seda:callback-sends?concurrentConsumers=" + senders + "&size=" + senders * 2)
                .routeId("callback-sends")
                .process(exchange -> {
                    try {
                        delivery.attempt(exchange.getMessage().getBody(Callback.class));
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
    }

    private List<Callback> claim() {
        int free = properties.senders() - inFlight.get();
        // long enough for the attempt's connect and answer time, so a slow receiver is never sent to twice at once
        Duration lease = properties.timeout().multipliedBy(2).plusSeconds(30);
        List<Callback> claimed = outbox.claimDue(nodeId, lease, free);
        inFlight.addAndGet(claimed.size());
        return claimed;
    }
}
