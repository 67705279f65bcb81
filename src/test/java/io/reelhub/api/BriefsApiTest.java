package io.reelhub.api;

import static io.reelhub.api.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * Creative software posting briefs: YAML and JSON become delivered jobs, bad input gets a problem+json answer that
 * names every field, nothing posted is lost, and Idempotency-Keys make a retried POST safe to send.
 */
@HubTest
class BriefsApiTest {

    private static final Path HOME = TempHome.create("briefs-api");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        // allowed by name, so that the refusals below are about the addresses (allow-private keeps its default)
        registry.add("reelhub.callbacks.allowed-hosts", () -> "127.0.0.1,10.0.0.1,hooks.example.com");
    }

    @LocalServerPort
    int port;
    @Autowired
    SandboxCounters counters;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aYamlBriefIsAcceptedWithItsJobAndDelivered() throws Exception {
        HttpResponse<String> answer = api.postBrief("application/yaml", brief("yaml-spot"));

        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode job = json(answer);
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/jobs/" + job.path("id").asText());
        assertThat(job.path("briefId").asText()).isEqualTo("yaml-spot");
        assertThat(job.path("version").asText()).isEqualTo("v001");
        assertThat(job.path("source").asText()).startsWith("api:req-");
        assertThat(job.path("history").findValuesAsText("to")).startsWith("RECEIVED", "VALIDATED", "QUEUED");
        // the full view of GET /api/jobs/{id}, not a list entry (OpenApiDocumentTest checks it against the schema)
        assertThat(job.has("history") && job.has("children")).isTrue();

        JsonNode delivered = api.awaitJobState(job.path("id").asText(), "DELIVERED");
        assertThat(delivered.path("outputs")).isNotEmpty();
    }

    @Test
    void aJsonBriefIsAcceptedAndDelivered() throws Exception {
        ObjectNode brief = (ObjectNode) new YAMLMapper().readTree(brief("json-spot"));
        HttpResponse<String> answer = api.postBrief("application/json; charset=utf-8",
                ApiClient.JSON.writeValueAsString(brief));

        assertThat(answer.statusCode()).isEqualTo(202);
        String jobId = json(answer).path("id").asText();
        assertThat(api.awaitJobState(jobId, "DELIVERED").path("briefId").asText()).isEqualTo("json-spot");
    }

    @Test
    void anInvalidBriefIsAnsweredWithEveryFieldAtOnceAndKeptBesideItsReport() throws Exception {
        String invalid = """
                brief: 2
                project: Bad Name
                stage: cinema
                prompt: {scene: A harbour at dawn}
                params: {seed: -5}
                """;
        HttpResponse<String> answer = api.postBrief("text/yaml", invalid);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(answer);
        assertThat(problem.path("title").asText()).isEqualTo("Invalid brief");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("errors").findValuesAsText("path"))
                .contains("brief", "project", "stage", "params.seed");
        assertThat(problem.path("errors").findValuesAsText("message")).allMatch(m -> !m.isBlank());

        Path kept = HOME.resolve(problem.path("keptAs").asText());
        assertThat(kept).startsWith(HOME.resolve("inbox/.failed/api"));
        assertThat(Files.readString(kept)).isEqualTo(invalid);
        assertThat(Files.readString(HOME.resolve(problem.path("report").asText()))).contains("project:", "stage:");
        assertThat(HOME.resolve(problem.path("keptAs").asText() + ".error.json")).exists();
        assertThat(api.getJson("/api/jobs/" + problem.path("job").asText()).path("state").asText())
                .isEqualTo("REJECTED");
    }

    @Test
    void aBriefThatParsesListsItsModelProblemAndItsCallbackProblemTogether() throws Exception {
        String brief = brief("two-problems").replace("seconds: 4", "seconds: 7")
                + "callback: http://10.0.0.1/hooks/reelhub\n";
        JsonNode problem = json(api.postBrief("application/yaml", brief));

        assertThat(problem.path("errors").findValuesAsText("path")).contains("params.seconds", "callback");
    }

    @Test
    void callbacksToLoopbackOrPrivateAddressesAreRefusedAtIntakeByDefault() throws Exception {
        for (String url : new String[] {"http://127.0.0.1:" + port + "/hook", "http://10.0.0.1/"}) {
            HttpResponse<String> answer = api.postBrief("application/yaml",
                    brief("private-" + UUID.randomUUID().toString().substring(0, 8)) + "callback: " + url + "\n");

            assertThat(answer.statusCode()).as(url).isEqualTo(422);
            JsonNode error = json(answer).path("errors").get(0);
            assertThat(error.path("path").asText()).isEqualTo("callback");
            assertThat(error.path("message").asText()).containsAnyOf("loopback address", "private address")
                    .contains("reelhub.callbacks.allow-private");
        }
    }

    @Test
    void aCallbackToAHostOffTheAllowlistIsRefusedAtIntake() throws Exception {
        HttpResponse<String> answer = api.postBrief("application/yaml",
                brief("forbidden-host") + "callback: https://collector.evil.test/hook?token=s3cret\n");

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode error = json(answer).path("errors").get(0);
        assertThat(error.path("path").asText()).isEqualTo("callback");
        assertThat(error.path("message").asText()).contains("'collector.evil.test' is not allowed for callbacks")
                .contains("hooks.example.com").doesNotContain("s3cret");
    }

    @Test
    void anotherContentTypeIsAnswered415WithTheAcceptedTypes() throws Exception {
        for (String type : new String[] {"text/plain", "application/xml", null}) {
            HttpResponse<String> answer = api.postBrief(type, brief("wrong-type"));

            assertThat(answer.statusCode()).as(String.valueOf(type)).isEqualTo(415);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(answer).path("accepted")).extracting(JsonNode::asText)
                    .containsExactly("application/yaml", "application/x-yaml", "text/yaml", "application/json");
            assertThat(json(answer).path("detail").asText()).contains("application/yaml", "application/json");
        }
    }

    @Test
    void aBodyOverTheLimitIsAnswered413WithItsRealSize() throws Exception {
        byte[] big = new byte[1_500_000];
        Arrays.fill(big, (byte) '#');
        HttpResponse<String> declared = api.postBrief("application/yaml", big);

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json(declared).path("size").asLong()).isEqualTo(1_500_000);
        assertThat(json(declared).path("limit").asLong()).isEqualTo(1_048_576);
        assertThat(json(declared).path("detail").asText())
                .isEqualTo("the brief is 1500000 bytes; the limit is 1048576 bytes");

        HttpResponse<String> chunked = api.postBriefChunked("application/yaml", big);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(json(chunked).path("detail").asText()).contains("more than 1048576 bytes");
    }

    @Test
    void theSameKeyAndBodyGetTheSameJobAndOnePaidGeneration() throws Exception {
        // jobs of other tests must have made their own submissions before counting starts
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.getJson("/api/jobs?state=QUEUED").isEmpty());
        long paidBefore = counters.snapshot().totalSubmissions();
        String key = UUID.randomUUID().toString();
        String body = brief("idempotent-spot");

        HttpResponse<String> first = api.postBrief("application/yaml", body, "Idempotency-Key", key);
        HttpResponse<String> again = api.postBrief("application/yaml", body, "Idempotency-Key", key);
        String jobId = json(first).path("id").asText();
        api.awaitJobState(jobId, "DELIVERED");
        HttpResponse<String> later = api.postBrief("application/yaml", body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(json(first).path("source").asText()).isEqualTo("api:" + key);
        for (HttpResponse<String> replay : List.of(again, later)) {
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(json(replay).path("id").asText()).isEqualTo(jobId);
        }
        assertThat(json(later).path("state").asText()).isEqualTo("DELIVERED");
        assertThat(counters.snapshot().totalSubmissions() - paidBefore).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithTheSameKeyQueueOneJob() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = brief("concurrent-spot");
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(clients.submit(() -> api.postBrief("application/yaml", body, "Idempotency-Key", key)));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> jobs = new HashSet<>();
            for (var answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() != 409) {
                    jobs.add(json(response).path("id").asText());
                }
            }

            assertThat(statuses).containsOnlyOnce(202).allMatch(s -> s == 202 || s == 200 || s == 409);
            assertThat(jobs).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(api.getJson("/api/jobs?project=acme-spring").findValuesAsText("briefId")
                .stream().filter("concurrent-spot"::equals)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = api.postBrief("application/yaml", brief("conflict-a"), "Idempotency-Key", key);
        HttpResponse<String> other = api.postBrief("application/yaml", brief("conflict-b"), "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(other).path("errors").get(0).path("path").asText()).isEqualTo("Idempotency-Key");
        assertThat(json(other).path("detail").asText()).contains("different body");
        assertThat(api.getJson("/api/jobs?project=acme-spring").findValuesAsText("briefId"))
                .contains("conflict-a").doesNotContain("conflict-b");
    }

    @Test
    void aRejectedBriefUnderAKeyIsRejectedTheSameWayAgainWithoutASecondRecord() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = api.postBrief("application/yaml", "brief: 1\nproject: Bad Name\n",
                "Idempotency-Key", key);
        HttpResponse<String> again = api.postBrief("application/yaml", "brief: 1\nproject: Bad Name\n",
                "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(again)).isEqualTo(json(first));
    }

    @Test
    void theSameBodyWithoutAKeyIsADuplicateAnsweredWithTheExistingJob() throws Exception {
        String body = brief("posted-twice");
        HttpResponse<String> first = api.postBrief("application/yaml", body);
        HttpResponse<String> second = api.postBrief("application/yaml", body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(json(second).path("id").asText()).isEqualTo(json(first).path("id").asText());
    }

    @Test
    void aBriefWithoutAnIdGetsOneFromItsContentSoRepostingItIsADuplicate() throws Exception {
        String body = brief("unused").replace("id: unused\n", "");
        HttpResponse<String> first = api.postBrief("application/yaml", body);
        HttpResponse<String> second = api.postBrief("application/yaml", body);

        assertThat(json(first).path("briefId").asText()).matches("brief-[0-9a-f]{12}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).path("id").asText()).isEqualTo(json(first).path("id").asText());
    }

    @Test
    void aMalformedKeyIsAnswered400NamingTheHeader() throws Exception {
        HttpResponse<String> answer = api.postBrief("application/yaml", brief("bad-key"),
                "Idempotency-Key", "x".repeat(256));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).path("errors").get(0).path("path").asText()).isEqualTo("Idempotency-Key");
    }

    /** The example brief under another id, so that each test has a brief of its own. */
    private static String brief(String id) throws Exception {
        return ApiClient.example("neon-street.yaml").replace("id: neon-street", "id: " + id);
    }
}
