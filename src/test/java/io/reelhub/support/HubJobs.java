package io.reelhub.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** A brief's job as {@code GET /api/jobs/{id}} shows it, for end-to-end tests that drop briefs and follow them. */
public final class HubJobs {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final TestRestTemplate rest;

    public HubJobs(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** The newest job of the brief in full (generations, deliveries, history), or null while there is none. */
    public JsonNode find(String project, String briefId) {
        for (JsonNode listed : rest.getForObject("/api/jobs?project=" + project, JsonNode.class)) {
            if (listed.path("briefId").asText().equals(briefId)) {
                return rest.getForObject("/api/jobs/" + listed.path("id").asText(), JsonNode.class);
            }
        }
        return null;
    }

    /** Waits (up to 90 s) until the brief's job is in {@code state}, and returns it. */
    public JsonNode awaitState(String project, String briefId, String state) {
        return await().atMost(PATIENCE).until(() -> find(project, briefId),
                job -> job != null && job.path("state").asText().equals(state));
    }

    /** The job's delivery to {@code destination}; fails the test when it has none. */
    public static JsonNode delivery(JsonNode job, String destination) {
        for (JsonNode delivery : job.path("deliveries")) {
            if (delivery.path("destination").asText().equals(destination)) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery to " + destination + " in " + job);
    }
}
