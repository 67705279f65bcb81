package io.reelhub.sandbox;

import static io.reelhub.sandbox.SandboxHttp.form;
import static io.reelhub.sandbox.SandboxHttp.json;
import static io.reelhub.sandbox.SandboxRestartTest.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sql.DataSource;

import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.MediaProbe;
import io.reelhub.media.ProbeResult;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The sandbox as its own process ({@code java -jar reelhub.jar sandbox}): web and actuator, no database, no Camel. */
class SandboxServerApplicationTest {

    @TempDir
    Path downloads;

    @Test
    void theStandaloneSandboxServesTheVideosApiWithoutDatabaseOrCamel() throws Exception {
        Path home = SandboxApiTestBase.testHome("sandbox-server-");
        try (ConfigurableApplicationContext context = SandboxServerApplication.run("--server.port=0",
                "--reelhub.home=" + home, "--reelhub.sandbox.render-time=200ms",
                "--reelhub.sandbox.faults.rate-limited-submits=1", "--spring.servlet.multipart.max-file-size=100KB")) {
            assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
            assertThat(context.getBeanNamesForType(CamelContext.class)).isEmpty();
            assertThat(Arrays.stream(context.getBeanDefinitionNames())
                    .map(name -> context.getBeanFactory().getType(name))
                    .filter(type -> type != null && type.getName().startsWith("org.apache.camel")))
                    .isEmpty();

            SandboxHttp sandbox = new SandboxHttp(port(context));
            assertThat(sandbox.create(form("Throttled by a start-up fault", "veo-3.1", "4", "320x180")).statusCode())
                    .isEqualTo(429);
            String id = sandbox.createdId(form("Standalone", "seedance-1.0-pro", "3", "720x1280"));
            sandbox.awaitStatus(id, "completed");
            ProbeResult probe = new MediaProbe(FfmpegBinaries.shipped())
                    .probe(sandbox.download(id, "video", downloads.resolve("standalone.mp4")).body());

            assertThat(probe.videoCodec()).isEqualTo("h264");
            assertThat(probe.width()).isEqualTo(720);
            assertThat(probe.height()).isEqualTo(1280);
            assertThat(probe.durationSeconds()).isCloseTo(3.0, within(0.1));
            assertThat(home.resolve("sandbox/videos/" + id + ".mp4")).exists();

            HttpResponse<String> oversized = sandbox.create(form("Huge reference", "veo-3.1", "4", "320x180")
                    .file("input_reference", new byte[150 * 1024]));
            assertThat(oversized.statusCode()).isEqualTo(413);
            assertThat(json(oversized).path("error").path("code").asText()).isEqualTo("request_too_large");
            assertThat(get(port(context), "/actuator/health").body()).contains("UP");
            assertThat(sandbox.metric("reelhub.sandbox.submissions?tag=model:seedance-1.0-pro")
                    .path("measurements").get(0).path("value").asDouble()).isEqualTo(1.0);
        }
    }

    @Test
    void theSandboxCanBeSwitchedOff() throws Exception {
        try (ConfigurableApplicationContext context = SandboxServerApplication.run("--server.port=0",
                "--reelhub.home=" + SandboxApiTestBase.testHome("sandbox-off-"), "--reelhub.sandbox.enabled=false")) {
            assertThat(context.getBeanNamesForType(SandboxVideoStore.class)).isEmpty();
            assertThat(context.getBeanNamesForType(SandboxVideosController.class)).isEmpty();

            HttpResponse<String> response = get(port(context), "/sandbox/openai/v1/videos");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).has("error") && json(response).path("error").isObject()).isFalse();
        }
    }

    @Test
    void aConfiguredApiKeyMustMatchExactlyAndIsNeverEchoed() throws Exception {
        try (ConfigurableApplicationContext context = SandboxServerApplication.run("--server.port=0",
                "--reelhub.home=" + SandboxApiTestBase.testHome("sandbox-key-"),
                "--reelhub.sandbox.api-key=sk-the-right-one")) {
            HttpClient http = HttpClient.newHttpClient();
            URI videos = URI.create("http://localhost:" + port(context) + "/sandbox/openai/v1/videos");

            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(videos)
                    .header("Authorization", "Bearer sk-a-wrong-one").GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> right = http.send(HttpRequest.newBuilder(videos)
                    .header("Authorization", "Bearer sk-the-right-one").GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(json(wrong).path("error").path("code").asText()).isEqualTo("invalid_api_key");
            assertThat(wrong.body()).doesNotContain("wrong-one").doesNotContain("right-one");
            assertThat(right.statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer sk-test").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
