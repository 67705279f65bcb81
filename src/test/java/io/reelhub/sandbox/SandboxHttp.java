package io.reelhub.sandbox;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client of the sandbox, speaking the wire format by hand (multipart, bearer, JSON). */
final class SandboxHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxHttp(int port) {
        this.root = "http://localhost:" + port;
    }

    String apiBase() {
        return root + "/sandbox/openai/v1";
    }

    /** A multipart form, built by hand so tests control every part. */
    static final class Form {
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, byte[]> files = new LinkedHashMap<>();

        Form field(String name, String value) {
            fields.put(name, value);
            return this;
        }

        Form file(String name, byte[] content) {
            files.put(name, content);
            return this;
        }
    }

    static Form form(String prompt, String model, String seconds, String size) {
        Form form = new Form().field("prompt", prompt);
        if (model != null) {
            form.field("model", model);
        }
        if (seconds != null) {
            form.field("seconds", seconds);
        }
        if (size != null) {
            form.field("size", size);
        }
        return form;
    }

    HttpResponse<String> create(Form form, String... headers) {
        String boundary = "----sandbox" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        form.fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        form.files.forEach((name, content) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"reference.png\"\r\nContent-Type: image/png\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        });
        write(body, "--" + boundary + "--\r\n");
        HttpRequest.Builder request = authorized(apiBase() + "/videos")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a video and returns its id, failing the test on anything but 200. */
    String createdId(Form form, String... headers) {
        HttpResponse<String> response = create(form, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("create answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).path("id").asText();
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(authorized(apiBase() + pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) {
        return send(authorized(apiBase() + path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> unauthenticated(HttpRequest.Builder request) {
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(apiBase() + pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<Path> download(String id, String variant, Path to) {
        return send(authorized(apiBase() + "/videos/" + id + "/content?variant=" + variant).GET().build(),
                HttpResponse.BodyHandlers.ofFile(to));
    }

    HttpResponse<InputStream> downloadStream(String id) {
        return send(authorized(apiBase() + "/videos/" + id + "/content").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    JsonNode video(String id) {
        return json(get("/videos/" + id));
    }

    /** Polls until the video reaches {@code status} and returns its last state. */
    JsonNode awaitStatus(String id, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = video(id);
            return status.equals(last[0].path("status").asText());
        });
        return last[0];
    }

    /** A JSON POST to any path of this server, with extra headers as name/value pairs. */
    HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of any path of this server, with extra headers as name/value pairs. */
    HttpResponse<String> getPath(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode counters() {
        return json(send(HttpRequest.newBuilder(URI.create(root + "/sandbox/admin/counters")).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> armFaults(String json) {
        return send(HttpRequest.newBuilder(URI.create(root + "/sandbox/admin/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Arms faults on one protocol's wire ({@code gemini}, {@code vertex}, {@code replicate}, {@code openai}). */
    HttpResponse<String> armFaults(String protocol, String json) {
        return send(HttpRequest.newBuilder(URI.create(root + "/sandbox/admin/faults/" + protocol))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    void resetFaults() {
        send(HttpRequest.newBuilder(URI.create(root + "/sandbox/admin/faults")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    JsonNode metric(String nameAndQuery) {
        return json(send(HttpRequest.newBuilder(URI.create(root + "/actuator/metrics/" + nameAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer sk-test");
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
