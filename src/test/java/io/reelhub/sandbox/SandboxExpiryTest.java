package io.reelhub.sandbox;

import static io.reelhub.sandbox.SandboxHttp.form;
import static io.reelhub.sandbox.SandboxHttp.json;
import static io.reelhub.sandbox.SandboxRestartTest.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Content is downloadable until {@code expires_at} and gone after it, like the provider's one-hour window. */
class SandboxExpiryTest {

    @Test
    void contentExpiresAfterTheConfiguredTtlWhileTheVideoRemainsListed() {
        Path home = SandboxApiTestBase.testHome("sandbox-expiry-");
        try (ConfigurableApplicationContext context = SandboxServerApplication.run("--server.port=0",
                "--reelhub.home=" + home, "--reelhub.sandbox.render-time=0", "--reelhub.sandbox.content-ttl=2s")) {
            SandboxHttp sandbox = new SandboxHttp(port(context));
            String id = sandbox.createdId(form("Short window", "veo-3.1", "1", "320x180"));

            JsonNode done = sandbox.awaitStatus(id, "completed");
            assertThat(done.path("expires_at").asLong() - done.path("completed_at").asLong()).isEqualTo(2);

            HttpResponse<String>[] last = new HttpResponse[1];
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                last[0] = sandbox.get("/videos/" + id + "/content");
                return last[0].statusCode() == 404;
            });
            JsonNode error = json(last[0]).path("error");
            assertThat(error.path("code").asText()).isEqualTo("content_expired");
            assertThat(error.path("message").asText()).contains("expired");
            assertThat(home.resolve("sandbox/videos/" + id + ".mp4")).doesNotExist();
            assertThat(sandbox.video(id).path("status").asText()).isEqualTo("completed");
        }
    }
}
