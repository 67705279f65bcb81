package io.reelhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.sandbox.SandboxServerApplication;
import io.reelhub.sandbox.SandboxVideosController;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hub serves the sandbox provider on its own port by default, without pulling in the standalone setup. */
@SpringBootTest(classes = ReelHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "reelhub.sandbox.render-time=0")
class SandboxEmbeddedInHubTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws Exception {
        Path parent = Files.createDirectories(Path.of("target", "test-homes"));
        Path home = Files.createTempDirectory(parent, "hub-").toAbsolutePath();
        registry.add("reelhub.home", home::toString);
    }

    @Test
    void theHubEmbedsTheSandboxButNotTheStandaloneConfiguration() throws Exception {
        assertThat(context.getBeanNamesForType(SandboxVideosController.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(SandboxServerApplication.class)).isEmpty();

        HttpClient http = HttpClient.newHttpClient();
        String boundary = "hub-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nEmbedded\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"size\"\r\n\r\n320x180\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> created = http.send(request("/videos")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = new ObjectMapper().readTree(created.body()).path("id").asText();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode video = new ObjectMapper().readTree(http.send(request("/videos/" + id).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            return "completed".equals(video.path("status").asText());
        });
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/openai/v1" + path))
                .header("Authorization", "Bearer sk-test");
    }
}
