package io.reelhub.api;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Route {@code api-idempotency-purge}: forgets expired Idempotency-Keys once an hour, the first time a minute after
 * start-up. A key is treated as absent as soon as it expires; this only keeps the table small.
 */
@Component
class IdempotencyKeyPurge extends RouteBuilder {

    private final IdempotencyRecords records;

    IdempotencyKeyPurge(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public void configure() {
        from("scheduler:api-idempotency-purge?delay=3600000&initialDelay=60000")
                .routeId("api-idempotency-purge")
                .process(exchange -> {
                    int purged = records.purgeExpired();
                    if (purged > 0) {
                        log.info("Forgot {} expired Idempotency-Key(s)", purged);
                    }
                });
    }
}
