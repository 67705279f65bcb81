package io.reelhub.api;

import static io.reelhub.api.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * {@code /api/openapi.json} against the running hub: the same operations as the handlers Spring has mapped under
 * {@code /api}, and real answers that fit the documented schemas, so the document cannot drift from the code.
 */
@HubTest
class OpenApiDocumentTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");
    private static final WebhookReceiver RECEIVER = WebhookReceiver.started();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", TempHome.create("openapi")::toString);
        registry.add("reelhub.callbacks.secret", () -> CallbacksTest.SECRET);
        registry.add("reelhub.callbacks.allowed-hosts", () -> "127.0.0.1");
        registry.add("reelhub.callbacks.allow-private", () -> "true");
        registry.add("reelhub.callbacks.tick", () -> "100ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private ApiClient api;
    private JsonNode document;
    private SchemaCheck schemas;

    @BeforeEach
    void load() throws Exception {
        api = new ApiClient(port);
        document = api.getJson("/api/openapi.json");
        schemas = new SchemaCheck(document);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void theDocumentIsOpenApi31AndEveryReferenceResolves() {
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.findValuesAsText("$ref")).allSatisfy(ref ->
                assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void everyHandlerUnderApiIsDocumentedAndEveryDocumentedOperationHasAHandler() {
        Set<String> implemented = new TreeSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : patterns(info)) {
                if (pattern.startsWith("/api/") || pattern.equals("/api")) {
                    Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
                    assertThat(verbs).as("%s in %s answers every HTTP method; name one", pattern, method)
                            .isNotEmpty();
                    verbs.forEach(verb -> implemented.add(verb.name() + " " + pattern));
                }
            }
        });
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                key -> {
                    if (HTTP_METHODS.contains(key)) {
                        documented.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));

        assertThat(implemented).contains("GET /api/jobs", "GET /api/jobs/{id}", "POST /api/briefs",
                "GET /api/openapi.json");
        assertThat(documented).isEqualTo(implemented);
    }

    @Test
    void realAnswersFitTheirDocumentedSchemas() throws Exception {
        String hook = RECEIVER.url("/hooks/openapi");
        HttpResponse<String> accepted = api.postBrief("application/yaml",
                ApiClient.example("neon-street.yaml") + "callback: " + hook + "\n");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertFits(json(accepted), "/api/briefs", "post", "202", "application/json");
        String jobId = json(accepted).path("id").asText();

        JsonNode delivered = api.awaitJobState(jobId, "DELIVERED");
        assertFits(delivered, "/api/jobs/{id}", "get", "200", "application/json");
        assertThat(delivered.path("history")).isNotEmpty();
        assertFits(api.getJson("/api/jobs"), "/api/jobs", "get", "200", "application/json");

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.receivedOn("/hooks/openapi").size() == 1);
        JsonNode event = ApiClient.JSON.readTree(RECEIVER.receivedOn("/hooks/openapi").get(0).body());
        assertThat(schemas.problems(event, document.at("/webhooks/jobEnded/post/requestBody/content/"
                + "application~1json/schema"))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.getJson("/api/jobs/" + jobId + "/callbacks")
                .path(0).path("state").asText().equals("DELIVERED"));
        assertFits(api.getJson("/api/jobs/" + jobId + "/callbacks"), "/api/jobs/{id}/callbacks", "get", "200",
                "application/json");
        JsonNode attempts = api.getJson("/api/jobs/" + jobId + "/attempts");
        assertThat(attempts).hasSize(1);
        assertFits(attempts, "/api/jobs/{id}/attempts", "get", "200", "application/json");
    }

    @Test
    void problemAnswersFitTheProblemSchema() throws Exception {
        assertFits(json(api.postBrief("application/yaml", "brief: 1\nproject: Bad Name\n")), "/api/briefs", "post",
                "422", "application/problem+json");
        assertFits(json(api.postBrief("text/plain", "brief: 1")), "/api/briefs", "post", "415",
                "application/problem+json");
        assertFits(json(api.get("/api/jobs/no-such-job")), "/api/jobs/{id}", "get", "404",
                "application/problem+json");
        assertFits(json(api.get("/api/jobs?state=NAPPING")), "/api/jobs", "get", "400", "application/problem+json");
    }

    private void assertFits(JsonNode answer, String path, String method, String status, String mediaType) {
        JsonNode schema = document.path("paths").path(path).path(method).path("responses").path(status)
                .path("content").path(mediaType).path("schema");
        assertThat(schema.isMissingNode()).as("%s %s %s %s is documented", method, path, status, mediaType)
                .isFalse();
        assertThat(schemas.problems(answer, schema)).as("%s %s answer %s", method, path, status).isEmpty();
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }
}
