package io.reelhub.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** What creative software does: post briefs with java.net.http and follow the job until it ends. */
final class ApiClient {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    static final Path EXAMPLES = Path.of("examples/briefs");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static String example(String name) throws IOException {
        return Files.readString(EXAMPLES.resolve(name));
    }

    HttpResponse<String> postBrief(String contentType, String body, String... headers) throws Exception {
        return postBrief(contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<String> postBrief(String contentType, byte[] body, String... headers) throws Exception {
        return send(request(contentType, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends the body with chunked transfer encoding: the server cannot know its length in advance. */
    HttpResponse<String> postBriefChunked(String contentType, byte[] body) throws Exception {
        return send(request(contentType).POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET());
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode awaitJobState(String jobId, String state) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> getJson("/api/jobs/" + jobId).path("state").asText(), state::equals);
        try {
            return getJson("/api/jobs/" + jobId);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/briefs"))
                .timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
